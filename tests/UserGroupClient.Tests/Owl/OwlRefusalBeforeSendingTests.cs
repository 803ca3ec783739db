using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Owl;

/// <summary>
/// What the Owl facades refuse before anything is sent, each naming its own kind of group: a blank name to look up,
/// create or rename to, and a parent.
/// </summary>
public sealed class OwlRefusalBeforeSendingTests
{
    private static StubHandler NothingMaySend() => new(_ => throw new InvalidOperationException("nothing may be sent"));

    [Fact]
    public async Task LookingUpABlankNameListsNothing()
    {
        var handler = NothingMaySend();
        using var owl = new OwlStub(handler);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => owl.Client.AsUserGroupService().FindGroupByNameAsync(" "));

        Assert.Equal("name", error.ParamName);
        Assert.StartsWith("An Owl group name must not be empty or whitespace.", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task CreatingABlankNameDoesNotCheckItsMembersOnTheServer()
    {
        var handler = NothingMaySend();
        using var owl = new OwlStub(handler);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => owl.Client.AsUserGroupService().CreateGroupAsync(new NewUserGroup(" ") { MemberIds = ["5"] }));

        Assert.Equal("group", error.ParamName);
        Assert.StartsWith("An Owl group name must not be empty or whitespace.", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task RenamingAHostGroupToABlankNameDoesNotReadTheGroup()
    {
        var handler = NothingMaySend();
        using var owl = new OwlStub(handler);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => owl.Client.AsHostGroupService().UpdateGroupAsync("8", new UserGroupUpdate { Name = " " }));

        Assert.Equal("update", error.ParamName);
        Assert.StartsWith("An Owl group name must not be empty or whitespace.", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task AParentIsRefusedNamingTheKindOfGroup()
    {
        var handler = NothingMaySend();
        using var owl = new OwlStub(handler);
        var update = new UserGroupUpdate { ParentId = "1" };

        var hosts = await Assert.ThrowsAsync<NotSupportedException>(() => owl.Client.AsHostGroupService().UpdateGroupAsync("8", update));
        var users = await Assert.ThrowsAsync<NotSupportedException>(() => owl.Client.AsUserGroupService().UpdateGroupAsync("3", update));

        Assert.Equal("Owl host groups have no parent group; ParentId is not supported (see Capabilities.SupportsHierarchy).", hosts.Message);
        Assert.Equal("Owl user groups have no parent group; ParentId is not supported (see Capabilities.SupportsHierarchy).", users.Message);
        Assert.Empty(handler.Requests);
    }
}
