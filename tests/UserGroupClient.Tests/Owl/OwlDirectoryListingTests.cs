using System.Net;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Owl;

/// <summary>
/// What Owl's two directories list: every user by id and username, and every host that has a host name by id, host
/// name and display name (none where the name is empty); a host without a host name cannot be named, so it is left out.
/// </summary>
public sealed class OwlDirectoryListingTests
{
    [Fact]
    public async Task TheUserDirectoryListsEveryUserByIdAndUsername()
    {
        using var owl = new OwlStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"code":200,"users":[{"id":1,"username":"ann"},{"id":22,"username":"bo"}],"total":2}""")));

        var users = await owl.Client.AsUserDirectory().ListUsersAsync().ToListAsync();

        Assert.Equal(new (string, string, string?)[] { ("1", "ann", null), ("22", "bo", null) }, users.Select(user => (user.Id, user.UserName, user.DisplayName)));
        Assert.Equal("/api/v1/users?page=1&pageSize=100", Assert.Single(owl.Handler.Requests).PathAndQuery);
    }

    [Fact]
    public async Task TheHostDirectoryListsEachHostWithAHostNameAndItsDisplayNameWhenItHasOne()
    {
        using var owl = new OwlStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """
            {"code":200,"hosts":[
              {"id":"a","name":"","hostname":"host-a"},
              {"id":"b","name":"Web B","hostname":"host-b"},
              {"id":"c","name":"C","hostname":""},
              {"id":"d","name":"D"},
              {"id":"e","hostname":"host-e"}
            ],"total":5}
            """)));

        var hosts = await owl.Client.AsHostDirectory().ListUsersAsync().ToListAsync();

        Assert.Equal(new (string, string, string?)[] { ("a", "host-a", null), ("b", "host-b", "Web B"), ("e", "host-e", null) }, hosts.Select(host => (host.Id, host.UserName, host.DisplayName)));
        Assert.Equal("/api/v1/hosts?page=1&pageSize=100", Assert.Single(owl.Handler.Requests).PathAndQuery);
    }
}
