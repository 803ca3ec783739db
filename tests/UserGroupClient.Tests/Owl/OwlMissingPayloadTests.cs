using System.Net;
using UserGroupClient.Owl;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Owl;

/// <summary>
/// A success answer (<c>code</c> 200) without the payload its call must return (docs/wire/owl.md §4) is an unreadable
/// answer naming the call and the missing key, not an empty result; the one answer whose payload may be absent (an
/// empty page of a group's hosts) is empty.
/// </summary>
public sealed class OwlMissingPayloadTests
{
    public static TheoryData<string, string, string, string> Calls => new()
    {
        { "list users", "GET", "api/v1/users", "users" },
        { "create user", "PUT", "api/v1/users", "user" },
        { "list user groups", "GET", "api/v1/usergroups", "groups" },
        { "list host groups", "GET", "api/v1/groups", "groups" },
        { "create host group", "PUT", "api/v1/groups", "group" },
        { "update host group", "POST", "api/v1/groups", "group" },
        { "list hosts", "GET", "api/v1/hosts", "hosts" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task ASuccessWithoutThePayloadIsRaisedNamingTheCallAndTheKey(string call, string method, string path, string key)
    {
        using var owl = new OwlStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"code":200,"message":"ok"}""")));

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => Call(owl.Client, call));

        Assert.StartsWith($"Owl answered {method} /{path} with code 200 but without '{key}'. (", error.Message, StringComparison.Ordinal);
        Assert.Equal(("Owl", method, new Uri($"https://owl.example.com/{path}")), (error.Dialect, error.RequestMethod, error.RequestUri));
    }

    [Fact]
    public async Task AnEmptyPageOfAGroupsHostsMayLeaveOutItsHosts()
    {
        using var owl = new OwlStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"code":200}""")));

        var page = await owl.Client.HostGroups.ListHostsAsync(8);
        var all = await owl.Client.HostGroups.ListAllHostsAsync(8).ToListAsync();

        Assert.Empty(page.Hosts);
        Assert.Null(page.MetricCount);
        Assert.Null(page.HostCount);
        Assert.Empty(all);
    }

    [Fact]
    public async Task AUserGroupUpdateAnsweredWithoutGroupsIsRaisedNamingTheKey()
    {
        using var owl = new OwlStub(new StubHandler(request => StubHandler.Json(HttpStatusCode.OK, request.Method == HttpMethod.Get
            ? """{"code":200,"groups":[{"id":3,"name":"ops","users":[]}]}"""
            : """{"code":200,"message":"user group update successful"}""")));

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => owl.Client.UserGroups.UpdateAsync([new OwlUserGroupUpdate(3, "ops", [2])]));

        Assert.StartsWith("Owl answered POST /api/v1/usergroups with code 200 but without 'groups'. (", error.Message, StringComparison.Ordinal);
        Assert.Equal("POST", owl.Handler.Requests[^1].Method);
    }

    private static Task Call(OwlClient client, string call) => call switch
    {
        "list users" => client.Users.ListAsync(),
        "create user" => client.Users.CreateAsync(new OwlUser { Username = "dave", Phone = "1" }),
        "list user groups" => client.UserGroups.ListAsync(),
        "list host groups" => client.HostGroups.ListAsync(),
        "create host group" => client.HostGroups.CreateAsync("web"),
        "update host group" => client.HostGroups.UpdateAsync(8, "web", []),
        _ => client.Hosts.ListAsync(),
    };
}
