using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.JumpServer;

/// <summary>
/// What the JumpServer facade refuses before anything is sent, named by the facade's own parameters: a group name it
/// checks before the members, a new name, and a missing list of ids.
/// </summary>
public sealed class JumpServerFacadeInputTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";

    private static StubHandler NothingMaySend() => new(_ => throw new InvalidOperationException("nothing may be sent"));

    [Fact]
    public async Task ABlankNameIsReportedBeforeTheMembersOfTheGroupToCreate()
    {
        var handler = NothingMaySend();
        using var jms = new JumpServerStub(handler);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => jms.Service.CreateGroupAsync(new NewUserGroup(" ") { MemberIds = ["not-a-user-id"] }));

        Assert.Equal("group", error.ParamName);
        Assert.StartsWith("A JumpServer group name must not be empty or whitespace.", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task ABlankNewNameIsRefusedAsTheUpdatesName()
    {
        var handler = NothingMaySend();
        using var jms = new JumpServerStub(handler);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => jms.Service.UpdateGroupAsync(GroupId, new UserGroupUpdate { Name = " " }));

        Assert.Equal("update", error.ParamName);
        Assert.StartsWith("A JumpServer group name must not be empty or whitespace.", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task NoListOfGroupIdsIsRefusedByItsOwnName()
    {
        var handler = NothingMaySend();
        using var jms = new JumpServerStub(handler);

        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => jms.Service.DeleteGroupsAsync(null!));

        Assert.Equal("groupIds", error.ParamName);
        Assert.Empty(handler.Requests);
    }
}
