using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Owl;

/// <summary>
/// What the Owl facades refuse before anything is sent, each naming its own kind of group: a blank name to look up,
/// create or rename to, and a parent.
/// </summary>
public sealed class OwlRefusalBeforeSendingTests
{
    [Fact]
    public async Task LookingUpABlankNameListsNothing()
    {
        var handler = RefusedBeforeSending.Transport();
        using var owl = new OwlStub(handler);

        await RefusedBeforeSending.AssertAsync<ArgumentException>(handler, () => owl.Client.AsUserGroupService().FindGroupByNameAsync(" "), "name", "An Owl group name must not be empty or whitespace.");
    }

    [Fact]
    public async Task CreatingABlankNameDoesNotCheckItsMembersOnTheServer()
    {
        var handler = RefusedBeforeSending.Transport();
        using var owl = new OwlStub(handler);

        await RefusedBeforeSending.AssertAsync<ArgumentException>(handler, () => owl.Client.AsUserGroupService().CreateGroupAsync(new NewUserGroup(" ") { MemberIds = ["5"] }), "group", "An Owl group name must not be empty or whitespace.");
    }

    [Fact]
    public async Task RenamingAHostGroupToABlankNameDoesNotReadTheGroup()
    {
        var handler = RefusedBeforeSending.Transport();
        using var owl = new OwlStub(handler);

        await RefusedBeforeSending.AssertAsync<ArgumentException>(handler, () => owl.Client.AsHostGroupService().UpdateGroupAsync("8", new UserGroupUpdate { Name = " " }), "update", "An Owl group name must not be empty or whitespace.");
    }

    [Fact]
    public async Task AParentIsRefusedNamingTheKindOfGroup()
    {
        var handler = RefusedBeforeSending.Transport();
        using var owl = new OwlStub(handler);
        var update = new UserGroupUpdate { ParentId = "1" };

        var hosts = await Assert.ThrowsAsync<NotSupportedException>(() => owl.Client.AsHostGroupService().UpdateGroupAsync("8", update));
        var users = await Assert.ThrowsAsync<NotSupportedException>(() => owl.Client.AsUserGroupService().UpdateGroupAsync("3", update));

        Assert.Equal("Owl host groups have no parent group; ParentId is not supported (see Capabilities.SupportsHierarchy).", hosts.Message);
        Assert.Equal("Owl user groups have no parent group; ParentId is not supported (see Capabilities.SupportsHierarchy).", users.Message);
        Assert.Empty(handler.Requests);
    }
}
