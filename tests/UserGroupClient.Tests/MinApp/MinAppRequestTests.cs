using System.Net;
using UserGroupClient.MinApp;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.MinApp;

/// <summary>What the typed APIs and the facade send, what they refuse before sending, and how lists page.</summary>
public sealed class MinAppRequestTests
{
    private static MinAppStub Stub(Func<HttpRequestMessage, HttpResponseMessage>? api = null, Action<MinAppClientOptions>? configure = null)
    {
        var stub = new MinAppStub(MinAppCredentials.AccessToken("t"), configure);
        stub.Accept("t");
        if (api is not null)
        {
            stub.Api = api;
        }

        return stub;
    }

    private static string Page(string objects, string? next, int total, bool withNext = true) =>
        $$"""{"meta": {"limit": 2, {{(withNext ? $"\"next\": {(next is null ? "null" : $"\"{next}\"")}," : "")}} "offset": 0, "previous": null, "total_count": {{total}}}, "objects": [{{objects}}]}""";

    private static string Group(int id, string name = "g") => $$"""{"id": {{id}}, "members": 0, "name": "{{name}}", "parent": null}""";

    [Theory]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("1\n")]
    [InlineData(" ")]
    public async Task BadGroupIdsAreRefusedBeforeSending(string id)
    {
        using var stub = Stub();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => stub.Service.GetGroupAsync(id));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => stub.Service.DeleteGroupAsync(id));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => stub.Service.DeleteGroupsAsync(["1", id]));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => stub.Service.AddMembersAsync("1", [id]));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => stub.Service.CreateGroupAsync(new NewUserGroup("x") { ParentId = id }));

        Assert.Empty(stub.Handler.Requests);
    }

    [Fact]
    public async Task BadNamesAndTypedArgumentsAreRefusedBeforeSending()
    {
        using var stub = Stub();

        await Assert.ThrowsAsync<ArgumentException>(() => stub.Client.UserGroups.CreateAsync(new MinAppUserGroupCreate(" ")));
        await Assert.ThrowsAsync<ArgumentException>(() => stub.Client.UserGroups.CreateAsync(new MinAppUserGroupCreate("a\r\nb")));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stub.Client.UserGroups.GetAsync(0));
        await Assert.ThrowsAsync<ArgumentException>(() => stub.Client.UserGroups.UpdateAsync(1, new MinAppUserGroupUpdate("n") { ParentId = 2, RemoveParent = true }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stub.Client.UserGroups.ListAsync(new MinAppUserGroupListOptions { Limit = 0 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stub.Client.UserGroups.ListAsync(new MinAppUserGroupListOptions { Offset = -1 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stub.Client.SuperGroups.UpdateAsync(5, new MinAppSuperGroupUpdate("s", [1, -2])));
        await Assert.ThrowsAsync<ArgumentException>(() => stub.Client.Membership.AddAsync([], [1]));
        await Assert.ThrowsAsync<ArgumentException>(() => stub.Client.Membership.RemoveAsync([1], []));
        await Assert.ThrowsAsync<ArgumentException>(() => stub.Client.Membership.ListUsersAsync([]));
        await Assert.ThrowsAsync<NotSupportedException>(() => stub.Service.CreateGroupAsync(new NewUserGroup("x") { Comment = "c" }));

        Assert.Empty(stub.Handler.Requests);
    }

    [Fact]
    public async Task EmptyBulkDeletesSendNothingAndOthersUseIdIn()
    {
        using var stub = Stub(_ => new HttpResponseMessage(HttpStatusCode.NoContent));

        await stub.Client.UserGroups.BulkDeleteAsync([]);
        await stub.Service.DeleteGroupsAsync([]);
        await stub.Service.DeleteGroupsAsync(["48", "50", "48"]);
        await stub.Client.SuperGroups.BulkDeleteAsync([58, 56]);

        Assert.Equal(["DELETE /oserve/v1/user-group/?id__in=48%2C50", "DELETE /oserve/v1/user-supergroup/?id__in=58%2C56"], stub.Handler.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
    }

    [Fact]
    public async Task EveryApiCallCarriesTheEnvironmentAndBearer()
    {
        using var stub = Stub(_ => StubHandler.Json(HttpStatusCode.OK, Group(1)), o => o.EnvironmentId = "test-env");

        await stub.Client.UserGroups.GetAsync(1);

        var request = Assert.Single(stub.Handler.Requests);
        Assert.Equal("test-env", request.Header("X-Hydrogen-Env-ID"));
        Assert.Equal("Bearer t", request.Header("Authorization"));
    }

    [Fact]
    public async Task TheEnvironmentGoesOnEveryOserveCallAndNeverOnTheOAuthExchanges()
    {
        using var stub = new MinAppStub(configure: o => o.EnvironmentId = "test-env");
        stub.Api = request => (request.Method.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query) switch
        {
            ("GET", "/oserve/v1/user-group/", "?limit=2&offset=0") => StubHandler.Json(HttpStatusCode.OK, Page(Group(1) + "," + Group(2), "/oserve/v1/user-group/?limit=2&offset=2", 3)),
            ("GET", "/oserve/v1/user-group/", _) => StubHandler.Json(HttpStatusCode.OK, Page(Group(3), null, 3)),
            ("GET", "/oserve/v1/miniapp/user-profile/", _) => StubHandler.Json(HttpStatusCode.OK, """{"meta": {"next": null, "total_count": 0}, "objects": []}"""),
            ("GET", _, _) or ("POST", _, _) or ("PUT", _, _) => StubHandler.Json(HttpStatusCode.OK, Group(1)),
            _ => new HttpResponseMessage(HttpStatusCode.NoContent),
        };

        await stub.Client.UserGroups.ListAllAsync(new MinAppUserGroupListOptions { Limit = 2 }).ToListAsync();
        await stub.Client.UserGroups.CreateAsync(new MinAppUserGroupCreate("g"));
        await stub.Client.UserGroups.UpdateAsync(1, new MinAppUserGroupUpdate("g"));
        await stub.Client.UserGroups.DeleteAsync(1);
        await stub.Client.SuperGroups.BulkDeleteAsync([1]);
        await stub.Client.Membership.AddAsync([5], [1]);
        await stub.Client.Membership.ListUsersAsync([1]);

        var oserve = stub.ApiRequests.ToList();
        Assert.Equal(8, oserve.Count);
        Assert.All(oserve, request => Assert.Equal("test-env", request.Header("X-Hydrogen-Env-ID")));
        var oauth = stub.Handler.Requests.Except(oserve).ToList();
        Assert.Equal(["/api/oauth2/hydrogen/openapi/authorize/", "/hop/one/", "/hop/two/", "/api/oauth2/access_token/"], oauth.Select(r => r.PathAndQuery));
        Assert.All(oauth, request => Assert.Null(request.Header("X-Hydrogen-Env-ID")));
    }

    [Fact]
    public async Task ListsFollowHostRelativeNextLinksFromTheOrigin()
    {
        using var stub = Stub(
            request => request.RequestUri!.Query switch
            {
                "?limit=2&offset=0&parent_id=9" => StubHandler.Json(HttpStatusCode.OK, Page(Group(1) + "," + Group(2), "/oserve/v1/user-group/?limit=2&offset=2&parent_id=9", 5)),
                "?limit=2&offset=2&parent_id=9" => StubHandler.Json(HttpStatusCode.OK, Page(Group(3) + "," + Group(4), "https://minapp.test/oserve/v1/user-group/?limit=2&offset=4&parent_id=9", 5)),
                "?limit=2&offset=4&parent_id=9" => StubHandler.Json(HttpStatusCode.OK, Page(Group(5), null, 5)),
                _ => StubHandler.Json(HttpStatusCode.NotFound, "{}"),
            },
            o => o.BaseAddress = new Uri("https://minapp.test/prefix/"));

        var groups = new List<UserGroup>();
        await foreach (var group in stub.Service.ListGroupsAsync(new UserGroupQuery { ParentId = "9", PageSize = 2 }))
        {
            groups.Add(group);
        }

        Assert.Equal(["1", "2", "3", "4", "5"], groups.Select(g => g.Id));
        Assert.Equal(
            ["/prefix/oserve/v1/user-group/?limit=2&offset=0&parent_id=9", "/oserve/v1/user-group/?limit=2&offset=2&parent_id=9", "/oserve/v1/user-group/?limit=2&offset=4&parent_id=9"],
            stub.Handler.Requests.Select(r => r.PathAndQuery));
    }

    [Theory]
    [InlineData("https://evil.test/oserve/v1/user-group/?offset=2")]
    [InlineData("//evil.test/oserve/v1/user-group/?offset=2")]
    [InlineData("http://minapp.test/oserve/v1/user-group/?offset=2")]
    public async Task NextLinksToAnotherOriginAreNotFollowed(string next)
    {
        using var stub = Stub(_ => StubHandler.Json(HttpStatusCode.OK, Page(Group(1) + "," + Group(2), next, 5)));

        var error = await Assert.ThrowsAsync<UserGroupApiException>(async () =>
        {
            await foreach (var group in stub.Client.UserGroups.ListAllAsync(new MinAppUserGroupListOptions { Limit = 2 }))
            {
                Assert.NotNull(group);
            }
        });

        Assert.Contains("next", error.Message, StringComparison.Ordinal);
        Assert.Single(stub.Handler.Requests);
    }

    [Fact]
    public async Task ListsWithoutANextFieldPageByOffsetUntilTheTotal()
    {
        using var stub = Stub(request => request.RequestUri!.Query switch
        {
            "?limit=2&offset=0" => StubHandler.Json(HttpStatusCode.OK, Page(Group(1) + "," + Group(2), null, 3, withNext: false)),
            "?limit=2&offset=2" => StubHandler.Json(HttpStatusCode.OK, Page(Group(3), null, 3, withNext: false).Replace("\"offset\": 0", "\"offset\": 2", StringComparison.Ordinal)),
            _ => StubHandler.Json(HttpStatusCode.NotFound, "{}"),
        });

        var ids = new List<long>();
        await foreach (var group in stub.Client.UserGroups.ListAllAsync(new MinAppUserGroupListOptions { Limit = 2 }))
        {
            ids.Add(group.Id);
        }

        Assert.Equal([1L, 2L, 3L], ids);
        Assert.Equal(2, stub.Handler.Requests.Count);
    }

    [Fact]
    public async Task SearchFiltersNamesOnTheClient()
    {
        using var stub = Stub(_ => StubHandler.Json(HttpStatusCode.OK, Page(Group(1, "ops-a") + "," + Group(2, "dev") + "," + Group(3, "OPS-b"), null, 3)));

        var names = new List<string>();
        await foreach (var group in stub.Service.ListGroupsAsync(new UserGroupQuery { Search = "ops" }))
        {
            names.Add(group.Name);
        }

        Assert.Equal(["ops-a", "OPS-b"], names);
    }

    [Fact]
    public async Task SearchAndFindByNameReadPagesOfTheServersMaximumUnlessAPageSizeIsGiven()
    {
        using var stub = Stub(_ => StubHandler.Json(HttpStatusCode.OK, Page(Group(1, "ops-a"), null, 1)));

        await foreach (var group in stub.Service.ListGroupsAsync(new UserGroupQuery { Search = "ops" }))
        {
            Assert.Equal("ops-a", group.Name);
        }

        await stub.Service.FindGroupByNameAsync("ops-a");
        await foreach (var group in stub.Service.ListGroupsAsync(new UserGroupQuery { Search = "ops", PageSize = 10 }))
        {
            Assert.Equal("ops-a", group.Name);
        }

        await foreach (var group in stub.Service.ListGroupsAsync())
        {
            Assert.Equal("ops-a", group.Name);
        }

        Assert.Equal(
            ["/oserve/v1/user-group/?limit=1000&offset=0", "/oserve/v1/user-group/?limit=1000&offset=0", "/oserve/v1/user-group/?limit=10&offset=0", "/oserve/v1/user-group/?limit=100&offset=0"],
            stub.ApiRequests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task ACreateAnsweredWithOnlyALocationReadsTheNewGroup()
    {
        using var stub = Stub(request =>
        {
            if (request.Method == HttpMethod.Post)
            {
                var created = new HttpResponseMessage(HttpStatusCode.Created);
                created.Headers.Location = new Uri("/oserve/v1/user-group/77/", UriKind.Relative);
                return created;
            }

            return StubHandler.Json(HttpStatusCode.OK, Group(77, "made"));
        });

        var group = await stub.Client.UserGroups.CreateAsync(new MinAppUserGroupCreate("made") { ParentId = 3 });

        Assert.Equal(77, group.Id);
        Assert.Equal("""{"name":"made","parent":3}""", stub.Handler.Requests[0].Body);
        Assert.Equal("GET /oserve/v1/user-group/77/", $"{stub.Handler.Requests[1].Method} {stub.Handler.Requests[1].PathAndQuery}");
    }

    [Theory]
    [InlineData("""{"id": 77, "name": "ma""")]
    [InlineData("<html><body>created</body></html>")]
    public async Task ACreateAnsweredWithAnUnreadableBodyRaisesTheMalformedAnswerWithItsStartAndReadsNothingElse(string body)
    {
        using var stub = Stub(_ =>
        {
            var created = StubHandler.Json(HttpStatusCode.Created, body);
            created.Headers.Location = new Uri("/oserve/v1/user-group/77/", UriKind.Relative);
            return created;
        });

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => stub.Client.UserGroups.CreateAsync(new MinAppUserGroupCreate("made")));

        Assert.Equal(HttpStatusCode.Created, error.StatusCode);
        Assert.Equal("POST", error.RequestMethod);
        Assert.Contains("could not read", error.Message, StringComparison.Ordinal);
        Assert.Equal(body, error.ResponseBody);
        Assert.Single(stub.Handler.Requests);
    }

    [Fact]
    public async Task ACreateAnsweredWithNeitherTheObjectNorALocationIsAnError()
    {
        using var stub = Stub(_ => new HttpResponseMessage(HttpStatusCode.Created));

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => stub.Client.SuperGroups.CreateAsync(new MinAppSuperGroupCreate("s")));

        Assert.Contains("neither the new object nor a Location", error.Message, StringComparison.Ordinal);
        Assert.Equal(("POST", "https://minapp.test/oserve/v1/user-supergroup/"), (error.RequestMethod, error.RequestUri?.AbsoluteUri));
        Assert.Single(stub.Handler.Requests);
    }

    [Fact]
    public async Task AnUpdateAnswered204ReadsTheGroupItUpdated()
    {
        using var stub = Stub(request => request.Method == HttpMethod.Put
            ? new HttpResponseMessage(HttpStatusCode.NoContent)
            : StubHandler.Json(HttpStatusCode.OK, Group(47, "renamed")));

        var group = await stub.Client.UserGroups.UpdateAsync(47, new MinAppUserGroupUpdate("renamed") { RemoveParent = true });

        Assert.Equal((47L, "renamed"), (group.Id, group.Name));
        Assert.Equal(
            ["PUT /oserve/v1/user-group/47/ {\"name\":\"renamed\",\"parent\":null}", "GET /oserve/v1/user-group/47/ "],
            stub.Handler.Requests.Select(r => $"{r.Method} {r.PathAndQuery} {r.Body}"));
    }

    [Fact]
    public async Task AFailedCreateRaisesTheMappedErrorAndReadsNothingElse()
    {
        using var stub = Stub(_ => StubHandler.Json(HttpStatusCode.BadRequest, """{"status": "error", "error_msg": "参数错误"}"""));

        var error = await Assert.ThrowsAsync<UserGroupValidationException>(() => stub.Client.UserGroups.CreateAsync(new MinAppUserGroupCreate("made")));

        Assert.Equal(("参数错误", "POST"), (error.ServerMessage, error.RequestMethod));
        Assert.Single(stub.Handler.Requests);
    }

    [Fact]
    public async Task MembershipOperationsAreOnePatch()
    {
        using var stub = Stub(_ => new HttpResponseMessage(HttpStatusCode.NoContent));

        await stub.Client.Membership.PatchAsync([
            new MinAppMembershipOperation(MinAppMembershipAction.Add, [5, 6], [53, 54]),
            new MinAppMembershipOperation(MinAppMembershipAction.Remove, [5], [53]),
        ]);

        var request = Assert.Single(stub.Handler.Requests);
        Assert.Equal("PATCH", request.Method);
        Assert.Equal("/oserve/v1/miniapp/group/membership/", request.PathAndQuery);
        Assert.Equal("""[{"op":"add","path":"/membership","users":[5,6],"groups":[53,54]},{"op":"remove","path":"/membership","users":[5],"groups":[53]}]""", request.Body);
    }

    [Fact]
    public async Task SupergroupUpdateAlwaysSendsNameAndChildren()
    {
        using var stub = Stub(_ => StubHandler.Json(HttpStatusCode.OK, """{"children": [], "id": 52, "name": "s"}"""));

        await stub.Client.SuperGroups.UpdateAsync(52, new MinAppSuperGroupUpdate("s", []));

        Assert.Equal("""{"name":"s","children":[]}""", Assert.Single(stub.Handler.Requests).Body);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, """{"status": "error", "error_msg": "参数错误"}""", typeof(UserGroupValidationException), "参数错误")]
    [InlineData(HttpStatusCode.Forbidden, """{"message": "forbidden here"}""", typeof(UserGroupPermissionException), "forbidden here")]
    [InlineData(HttpStatusCode.PaymentRequired, """{"detail": "应用欠费"}""", typeof(UserGroupPermissionException), "应用欠费")]
    [InlineData(HttpStatusCode.NotFound, "", typeof(UserGroupNotFoundException), "not found")]
    [InlineData(HttpStatusCode.InternalServerError, """{"error": "boom"}""", typeof(UserGroupApiException), "boom")]
    public async Task ErrorsAreMappedFromTheirBodies(HttpStatusCode status, string body, Type expected, string message)
    {
        using var stub = Stub(_ => StubHandler.Json(status, body));

        var error = await Assert.ThrowsAnyAsync<UserGroupApiException>(() => stub.Client.UserGroups.GetAsync(1));

        Assert.IsType(expected, error);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(message, error.ServerMessage);
        Assert.Equal("MinApp", error.Dialect);
        Assert.Equal("GET", error.RequestMethod);
    }

    [Fact]
    public async Task AnHtmlGatewayPageAndARateLimitAreReported()
    {
        var calls = 0;
        using var stub = Stub(_ =>
        {
            if (calls++ == 0)
            {
                return StubHandler.Text(HttpStatusCode.BadGateway, "<html>502 Bad Gateway</html>");
            }

            var limited = StubHandler.Json(HttpStatusCode.TooManyRequests, """{"error_msg": "slow down"}""");
            limited.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
            return limited;
        });

        var gateway = await Assert.ThrowsAsync<UserGroupApiException>(() => stub.Client.UserGroups.GetAsync(1));
        Assert.Equal("<html>502 Bad Gateway</html>", gateway.ServerMessage);
        var limited = await Assert.ThrowsAsync<UserGroupRateLimitedException>(() => stub.Client.UserGroups.GetAsync(1));
        Assert.Equal(TimeSpan.FromSeconds(7), limited.RetryAfter);
    }

    [Fact]
    public void OptionsAreValidated()
    {
        Assert.Throws<ArgumentException>(() => new MinAppClient(new MinAppClientOptions()));
        Assert.Throws<ArgumentException>(() => new MinAppClient(new MinAppClientOptions { Credentials = MinAppCredentials.AccessToken("t"), EnvironmentId = "a\nb" }));
        Assert.Equal(new Uri("https://cloud.minapp.com/"), new MinAppClientOptions().BaseAddress);
    }
}
