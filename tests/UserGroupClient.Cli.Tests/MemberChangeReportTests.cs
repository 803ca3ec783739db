using System.Text.Json.Nodes;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.Cli.Tests;

/// <summary>
/// What <c>ugc members add|remove|set</c> reports it changed: exactly the members that came and went, compared by id
/// before and after, and the group's members after; and that set may empty a group while add and remove need a user.
/// </summary>
public sealed class MemberChangeReportTests
{
    [Fact]
    public async Task AddingToAGroupWithMembersReportsOnlyTheNewOnesAsAdded()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var alice = jms.AddUser("alice", "Alice");
        jms.AddUser("bob", "Bob");
        jms.AddGroup("platform", userIds: [alice.Id]);
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });

        var result = await ugc.RunAsync("members", "add", "--backend", "ops", "platform", "bob", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["bob"], UserNames(result.Json["added"]));
        Assert.Empty(UserNames(result.Json["removed"]));
        Assert.Equal(["alice", "bob"], UserNames(result.Json["members"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RemovingFromAGroupReportsOnlyTheMemberThatWentAsRemoved()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var members = new[] { jms.AddUser("alice", "Alice").Id, jms.AddUser("bob", "Bob").Id, jms.AddUser("carol", "Carol").Id };
        jms.AddGroup("platform", userIds: members);
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });

        var result = await ugc.RunAsync("members", "remove", "--backend", "ops", "platform", "alice", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(UserNames(result.Json["added"]));
        Assert.Equal(["alice"], UserNames(result.Json["removed"]));
        Assert.Equal(["bob", "carol"], UserNames(result.Json["members"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheLineForPeopleCountsWhatWasAddedAndRemovedAndTheMembersAfter()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var alice = jms.AddUser("alice", "Alice");
        var bob = jms.AddUser("bob", "Bob");
        jms.AddUser("carol", "Carol");
        jms.AddGroup("platform", userIds: [alice.Id, bob.Id]);
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });

        var result = await ugc.RunAsync("members", "set", "--backend", "ops", "platform", "bob", "carol");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"platform on ops: 1 added, 1 removed, 2 members.{Environment.NewLine}", result.Output);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task SetWithoutAUserEmptiesTheGroup()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var alice = jms.AddUser("alice", "Alice");
        var bob = jms.AddUser("bob", "Bob");
        var platform = jms.AddGroup("platform", userIds: [alice.Id, bob.Id]);
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });

        var result = await ugc.RunAsync("members", "set", "--backend", "ops", "platform", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(jms.FindGroup(platform.Id)!.UserIds);
        Assert.Equal(["alice", "bob"], UserNames(result.Json["removed"]).Order(StringComparer.Ordinal));
        Assert.Empty(UserNames(result.Json["members"]));
    }

    [Theory]
    [InlineData("add")]
    [InlineData("remove")]
    public async Task AddOrRemoveWithoutAUserIsRefusedBeforeAnythingIsSent(string command)
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var alice = jms.AddUser("alice", "Alice");
        var platform = jms.AddGroup("platform", userIds: [alice.Id]);
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });
        jms.Journal.Clear();

        var result = await ugc.RunAsync("members", command, "--backend", "ops", "platform");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Required argument missing for command: '{command}'.", result.Error, StringComparison.Ordinal);
        Assert.Empty(jms.Journal.Entries);
        Assert.Equal([alice.Id], jms.FindGroup(platform.Id)!.UserIds);
    }

    [Fact]
    public async Task TheMembersAreShownAsATableOfIdUserNameAndName()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var alice = jms.AddUser("alice", "Alice Liddell");
        jms.AddGroup("platform", userIds: [alice.Id]);
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });

        var result = await ugc.RunAsync("members", "list", "--backend", "ops", "platform");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([["Id", "User name", "Name"], [alice.Id, "alice", "Alice Liddell"]], TextTable.Rows(result.Output));
    }

    private static IEnumerable<string?> UserNames(JsonNode? members) => JsonShape.Array(members, JsonShape.Member).Select(m => (string?)m!["userName"]);
}
