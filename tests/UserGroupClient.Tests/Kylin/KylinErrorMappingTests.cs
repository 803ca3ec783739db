using System.Net;
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
