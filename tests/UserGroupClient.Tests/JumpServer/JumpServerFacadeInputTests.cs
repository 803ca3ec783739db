using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.JumpServer;

/// <summary>
/// What the JumpServer facade refuses before anything is sent, named by the facade's own parameters: a group name it
/// checks before the members, a new name, and a missing list of ids.
/// </summary>
public sealed class JumpServerFacadeInputTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";

    [Fact]
    public async Task ABlankNameIsReportedBeforeTheMembersOfTheGroupToCreate()
    {
        var handler = RefusedBeforeSending.Transport();
        using var jms = new JumpServerStub(handler);

        await RefusedBeforeSending.AssertAsync<ArgumentException>(handler, () => jms.Service.CreateGroupAsync(new NewUserGroup(" ") { MemberIds = ["not-a-user-id"] }), "group", "A JumpServer group name must not be empty or whitespace.");
    }

    [Fact]
    public async Task ABlankNewNameIsRefusedAsTheUpdatesName()
    {
        var handler = RefusedBeforeSending.Transport();
        using var jms = new JumpServerStub(handler);

        await RefusedBeforeSending.AssertAsync<ArgumentException>(handler, () => jms.Service.UpdateGroupAsync(GroupId, new UserGroupUpdate { Name = " " }), "update", "A JumpServer group name must not be empty or whitespace.");
    }

    [Fact]
    public async Task NoListOfGroupIdsIsRefusedByItsOwnName()
    {
        var handler = RefusedBeforeSending.Transport();
        using var jms = new JumpServerStub(handler);

        await RefusedBeforeSending.AssertAsync<ArgumentNullException>(handler, () => jms.Service.DeleteGroupsAsync(null!), "groupIds");
    }
}
