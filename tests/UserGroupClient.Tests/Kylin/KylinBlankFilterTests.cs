using UserGroupClient.Kylin;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Kylin;

/// <summary>
/// A blank name or username filter is refused before sending on the typed APIs whose server drops it and lists
/// everything instead (docs/wire/kylin.md §11.2, §12.2); <see langword="null"/> is how to list everything.
/// </summary>
public sealed class KylinBlankFilterTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task ABlankFilterIsRefusedByItsParameterBeforeSending(string blank)
    {
        var handler = RefusedBeforeSending.Transport();
        using var apache = new KylinStub(handler, o => o.Flavor = KylinFlavor.Apache4);
        using var open = new KylinStub(handler, o => o.Flavor = KylinFlavor.Kylin5);
        const string Message = "Kylin drops a blank filter and lists everything; pass null to list everything.";

        await RefusedBeforeSending.AssertAsync<ArgumentException>(handler, () => apache.Client.ApacheUserGroups.ListGroupsAsync(blank), "name", Message);
        await RefusedBeforeSending.AssertAsync<ArgumentException>(handler, () => open.Client.OpenUserGroups.ListGroupsAsync(blank), "groupName", Message);
        await RefusedBeforeSending.AssertAsync<ArgumentException>(handler, () => open.Client.OpenUserGroups.ListGroupMembersAsync("ops", blank), "username", Message);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => apache.Client.ApacheUserGroups.ListAllGroupsAsync(blank)).ParamName);
        Assert.Equal("groupName", Assert.Throws<ArgumentException>(() => open.Client.OpenUserGroups.ListAllGroupsAsync(blank)).ParamName);
        Assert.Equal("username", Assert.Throws<ArgumentException>(() => open.Client.OpenUserGroups.ListAllGroupMembersAsync("ops", blank)).ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task AGroupNameFilterOfUsersWithGroupIsSentAsGivenSinceTheServerMatchesItAsGiven()
    {
        var stub = new StubHandler(_ => KylinStub.Ok("""{"value":[],"total_size":0,"offset":0,"limit":10}"""));
        using var open = new KylinStub(stub, o => o.Flavor = KylinFlavor.Kylin5);

        await open.Client.OpenUserGroups.ListUsersWithGroupAsync(" ", pageSize: 10);

        Assert.Equal("/kylin/api/user_group/users_with_group?page_offset=0&page_size=10&user_group_name=%20", Assert.Single(stub.Requests).PathAndQuery);
    }
}
