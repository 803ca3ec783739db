using System.Net;
using UserGroupClient.Owl;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Owl;

/// <summary>
/// What every typed Owl call makes of the answer (docs/wire/owl.md §4): an error <c>code</c> in a list's envelope is
/// raised like any other error, a create (a PUT) is never sent twice, and a resent DELETE that meets code 404 is done.
/// </summary>
public sealed class OwlCallOutcomeTests
{
    private const string Forbidden = """{"code":403,"message":"You don't have permission to access."}""";

    public static TheoryData<string, string> Lists => new()
    {
        { "users", "/api/v1/users" },
        { "user groups", "/api/v1/usergroups" },
        { "host groups", "/api/v1/groups" },
        { "group hosts", "/api/v1/groups/8/hosts" },
        { "hosts", "/api/v1/hosts" },
    };

    public static TheoryData<string, string> Creates => new()
    {
        { "user", "/api/v1/users" },
        { "user group", "/api/v1/usergroups" },
        { "host group", "/api/v1/groups" },
    };

    public static TheoryData<string, string, string> Deletes => new()
    {
        { "user", "/api/v1/users/7", """{"code":404,"message":"The user not found"}""" },
        { "user group", "/api/v1/usergroups/7", """{"code":404,"message":"The usergroup not found"}""" },
        { "host group", "/api/v1/groups/7", """{"code":404,"message":"group not found"}""" },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task AnErrorCodeInAListAnswerRaisesTheMappedExceptionWithItsRequest(string list, string path)
    {
        using var owl = new OwlStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, Forbidden)));

        var error = await Assert.ThrowsAsync<UserGroupPermissionException>(() => List(owl.Client, list));

        Assert.Equal((HttpStatusCode.OK, "403", "You don't have permission to access."), (error.StatusCode, error.ErrorCode, error.ServerMessage));
        Assert.Equal(("GET", path), (error.RequestMethod, error.RequestUri!.AbsolutePath));
        Assert.Equal(Forbidden, error.ResponseBody);
    }

    [Theory]
    [MemberData(nameof(Creates))]
    public async Task ACreateWhoseConnectionIsResetIsSentOnce(string resource, string path)
    {
        var stub = new StubHandler(_ => throw new HttpRequestException("connection reset"));
        using var owl = Retrying(stub);

        await Assert.ThrowsAsync<UserGroupApiException>(() => Create(owl.Client, resource));

        var sent = Assert.Single(stub.Requests);
        Assert.Equal(("PUT", path), (sent.Method, sent.PathAndQuery));
    }

    [Theory]
    [MemberData(nameof(Deletes))]
    public async Task ADeleteWhoseFirstAnswerWasLostSucceedsWhenTheResendMeetsCode404(string resource, string path, string notFound)
    {
        var stub = new StubHandler((_, index) => index == 0 ? throw new HttpRequestException("connection reset") : StubHandler.Json(HttpStatusCode.OK, notFound));
        using var owl = Retrying(stub);

        await Delete(owl.Client, resource);

        Assert.Equal(2, stub.Requests.Count);
        Assert.All(stub.Requests, sent => Assert.Equal(("DELETE", path), (sent.Method, sent.PathAndQuery)));
    }

    [Theory]
    [MemberData(nameof(Deletes))]
    public async Task ADeleteAnsweredWithCode404WithoutAResendIsNotFound(string resource, string path, string notFound)
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, notFound));
        using var owl = Retrying(stub);

        var error = await Assert.ThrowsAsync<UserGroupNotFoundException>(() => Delete(owl.Client, resource));

        Assert.Equal(("DELETE", path), (error.RequestMethod, error.RequestUri!.AbsolutePath));
        Assert.Single(stub.Requests);
    }

    private static OwlStub Retrying(StubHandler stub) =>
        new(stub, configure: options =>
        {
            options.Resilience.Enabled = true;
            options.Resilience.BaseDelay = TimeSpan.Zero;
        });

    private static Task List(OwlClient client, string list) => list switch
    {
        "users" => client.Users.ListAsync(),
        "user groups" => client.UserGroups.ListAsync(),
        "host groups" => client.HostGroups.ListAsync(),
        "group hosts" => client.HostGroups.ListHostsAsync(8),
        _ => client.Hosts.ListAsync(),
    };

    private static Task Create(OwlClient client, string resource) => resource switch
    {
        "user" => client.Users.CreateAsync(new OwlUser { Username = "dave", Phone = "1" }),
        "user group" => client.UserGroups.CreateAsync("ops"),
        _ => client.HostGroups.CreateAsync("web"),
    };

    private static Task Delete(OwlClient client, string resource) => resource switch
    {
        "user" => client.Users.DeleteAsync(7),
        "user group" => client.UserGroups.DeleteAsync(7),
        _ => client.HostGroups.DeleteAsync(7),
    };
}
