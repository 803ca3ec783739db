using System.Net;
using UserGroupClient.Kylin;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Kylin;

/// <summary>Kylin's error bodies (docs/wire/kylin.md §2, §7) map by their message first, then by status.</summary>
public sealed class KylinErrorMappingTests
{
    public static TheoryData<HttpStatusCode, string, Type> BusinessErrors => new()
    {
        { HttpStatusCode.InternalServerError, "Operation failed, group:g1 already exists", typeof(UserGroupConflictException) },
        { HttpStatusCode.InternalServerError, "Operation failed, group:g1 does not exists", typeof(UserGroupNotFoundException) },
        { HttpStatusCode.InternalServerError, "User 'nobody' not found.", typeof(UserGroupNotFoundException) },
        { HttpStatusCode.InternalServerError, "Access is denied", typeof(UserGroupPermissionException) },
        { HttpStatusCode.InternalServerError, "Can not delete group ALL_USERS", typeof(UserGroupValidationException) },
        { HttpStatusCode.InternalServerError, "Required String parameter 'project' is not present", typeof(UserGroupApiException) },
        { HttpStatusCode.BadRequest, "User ADMIN is locked, please wait for 28 seconds.", typeof(UserGroupAuthenticationException) },
        { HttpStatusCode.Unauthorized, "Invalid credentials for login. Please ensure your password/user information are correct.", typeof(UserGroupAuthenticationException) },
        { HttpStatusCode.Unauthorized, "Full authentication is required to access this resource", typeof(UserGroupAuthenticationException) },
        { HttpStatusCode.OK, "Operation failed, group:g1 already exists", typeof(UserGroupConflictException) },
        { HttpStatusCode.OK, "something else went wrong", typeof(UserGroupApiException) },
    };

    [Theory]
    [MemberData(nameof(BusinessErrors))]
    public async Task ErrorBodiesMapByMessage(HttpStatusCode status, string message, Type expected)
    {
        using var kylin = new KylinStub(new StubHandler(_ => KylinStub.Error(status, message)));

        var error = await Assert.ThrowsAnyAsync<UserGroupApiException>(() => kylin.Client.UserGroups.CreateGroupAsync("g1"));

        Assert.IsType(expected, error);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("999", error.ErrorCode);
        Assert.Equal(message, error.ServerMessage);
        Assert.Equal("Kylin", error.Dialect);
        Assert.Equal("POST", error.RequestMethod);
        Assert.Equal("/kylin/api/user_group/g1", error.RequestUri!.AbsolutePath);
        Assert.Contains("stacktrace", error.ResponseBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("groups", "GET", "/kylin/api/user_group/groups")]
    [InlineData("usersWithGroup", "GET", "/kylin/api/user_group/usersWithGroup")]
    [InlineData("groupMembers", "GET", "/kylin/api/user_group/groupMembers/g1")]
    [InlineData("create", "POST", "/kylin/api/user_group/g1")]
    [InlineData("delete", "DELETE", "/kylin/api/user_group/g1")]
    [InlineData("setUsers", "PUT", "/kylin/api/user_group/users/g1")]
    public async Task AnErrorEnvelopeAnsweredWith200FailsEveryCallByItsMessage(string call, string method, string path)
    {
        var stub = new StubHandler(_ => KylinStub.Error(HttpStatusCode.OK, "Access is denied"));
        using var kylin = new KylinStub(stub);
        var api = kylin.Client.UserGroups;
        Func<Task> send = call switch
        {
            "groups" => () => api.ListGroupsAsync(),
            "usersWithGroup" => () => api.ListUsersWithGroupAsync(),
            "groupMembers" => () => api.ListGroupMembersAsync("g1"),
            "create" => () => api.CreateGroupAsync("g1"),
            "delete" => () => api.DeleteGroupAsync("g1"),
            _ => () => api.SetGroupUsersAsync("g1", ["ADMIN"]),
        };

        var error = await Assert.ThrowsAsync<UserGroupPermissionException>(send);

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal("999", error.ErrorCode);
        Assert.Equal("Access is denied", error.ServerMessage);
        Assert.Equal(method, error.RequestMethod);
        Assert.Equal(path, error.RequestUri!.AbsolutePath);
        Assert.Single(stub.Requests);
    }

    public static TheoryData<HttpStatusCode, string, string, KylinFlavor> AnswersOfServersWithoutTheV2Api => new()
    {
        {
            HttpStatusCode.NotAcceptable, "text/html",
            "<!doctype html><html lang=\"en\"><head><title>HTTP Status 406 – Not Acceptable</title></head><body><h1>HTTP Status 406 – Not Acceptable</h1></body></html>",
            KylinFlavor.Apache4
        },
        {
            HttpStatusCode.MethodNotAllowed, "text/html",
            "<!doctype html><html lang=\"en\"><head><title>HTTP Status 405 – Method Not Allowed</title></head><body><h1>HTTP Status 405 – Method Not Allowed</h1></body></html>",
            KylinFlavor.Apache3
        },
        {
            HttpStatusCode.InternalServerError, "application/json",
            """{"timestamp":"2024-05-01T08:00:00.000+00:00","status":500,"error":"Internal Server Error","path":"/kylin/api/user_group/groups"}""",
            KylinFlavor.Kylin5
        },
        {
            HttpStatusCode.InternalServerError, "application/json",
            """{"timestamp":"2024-05-01T08:00:00.000+00:00","status":500,"error":"Internal Server Error","message":"/kylin/api/user_group/groups API of version v2 is no longer supported","path":"/kylin/api/user_group/groups"}""",
            KylinFlavor.KyligenceEnterprise4
        },
        {
            HttpStatusCode.NotFound, "application/json",
            """{"code":"999","data":null,"msg":"/kylin/api/user_group/groups API of version v2 is no longer supported","url":"http://kylin.example.com:7070/kylin/api/user_group/groups"}""",
            KylinFlavor.Kylin5
        },
    };

    [Theory]
    [MemberData(nameof(AnswersOfServersWithoutTheV2Api))]
    public async Task AnotherFlavorsRefusalOfTheV2ApiIsProbedOnceAndNamesBothFlavors(HttpStatusCode status, string mediaType, string body, KylinFlavor server)
    {
        var stub = new StubHandler(request => KylinProbeAnswers.IsProbe(request)
            ? KylinProbeAnswers.Of(server)
            : StubHandler.Text(status, body, mediaType));
        using var kylin = new KylinStub(stub);

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => kylin.Client.UserGroups.ListGroupsAsync());

        Assert.Equal(status, error.StatusCode);
        Assert.Equal("Kylin", error.Dialect);
        Assert.Contains("set up for KAP / Kyligence Enterprise 3.x (KylinClientOptions.Flavor = Kap3)", error.Message, StringComparison.Ordinal);
        Assert.Contains($"but the server is {KylinProbeAnswers.Name(server)} ({server}:", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Set KylinClientOptions.Flavor to {server} or Auto.", error.Message, StringComparison.Ordinal);
        Assert.Equal(["/kylin/api/user_group/groups?project=learn_kylin", "/kylin/api/admin/version"], stub.Requests.Select(r => r.PathAndQuery));
        Assert.Null(stub.Requests[1].Header("Authorization"));
        Assert.Equal(server, kylin.Client.DetectedFlavor);
    }

    [Fact]
    public async Task AnHtml401PageIsAnAuthenticationError()
    {
        const string page = "<html><head><title>Apache Tomcat/8.5.33 - Error report</title></head><body><h1>HTTP Status 401 - Unauthorized</h1></body></html>";
        using var kylin = new KylinStub(new StubHandler(_ => StubHandler.Text(HttpStatusCode.Unauthorized, page)));

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => kylin.Client.UserGroups.ListGroupsAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Null(error.ErrorCode);
        Assert.Contains("Tomcat", error.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnHtmlGatewayPageIsTheBaseException()
    {
        using var kylin = new KylinStub(new StubHandler(_ => StubHandler.Text(HttpStatusCode.BadGateway, "<html>502 Bad Gateway</html>")));

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => kylin.Client.UserGroups.ListGroupsAsync());

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
    }

    [Fact]
    public async Task ASuccessBodyThatIsNotJsonIsReportedNotThrownAsJsonException()
    {
        using var kylin = new KylinStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"code":"000","data":[""")));

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => kylin.Client.UserGroups.ListGroupsAsync());

        Assert.Contains("could not read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnauthorizedCallIsNotRetried()
    {
        var stub = new StubHandler(_ => KylinStub.Error(HttpStatusCode.Unauthorized, "Invalid credentials for login."));
        using var kylin = new KylinStub(stub);

        await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => kylin.Client.UserGroups.ListGroupsAsync());

        Assert.Single(stub.Requests);
    }
}
