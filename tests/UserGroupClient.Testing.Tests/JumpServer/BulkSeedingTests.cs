using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.Testing.Tests.JumpServer;

public sealed class BulkSeedingTests
{
    [Fact]
    public async Task AddGroupsSeedsEveryNameInOrder()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();

        var groups = emulator.AddGroups(["b", " a ", "c"], comment: "seeded");

        Assert.Equal(["b", "a", "c"], groups.Select(g => g.Name));
        Assert.All(groups, g => Assert.Equal("seeded", g.Comment));
        Assert.Equal(3, emulator.GetGroups(JumpServerEmulator.DefaultOrganizationId).Count);
    }

    [Fact]
    public async Task AddGroupsRefusesATakenOrRepeatedNameAndAddsNothing()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        emulator.AddGroup("taken");

        Assert.Throws<InvalidOperationException>(() => emulator.AddGroups(["new", "taken"]));
        Assert.Throws<InvalidOperationException>(() => emulator.AddGroups(["twice", "twice"]));

        Assert.Equal(["taken"], emulator.GetGroups().Select(g => g.Name));
    }
}
