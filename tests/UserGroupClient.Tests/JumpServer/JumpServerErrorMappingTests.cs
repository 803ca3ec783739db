using System.Net;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.JumpServer;

/// <summary>Every error body of docs/wire/jumpserver.md §2.2 and §5 maps to the exception a caller reacts to.</summary>
public sealed class JumpServerErrorMappingTests
{
    public static TheoryData<HttpStatusCode, string, Type, string?> DocumentedErrors => new()
    {
        { HttpStatusCode.BadRequest, """{"name": ["This field is required."]}""", typeof(UserGroupValidationException), null },
        { HttpStatusCode.BadRequest, """{"name": ["This field may not be blank."]}""", typeof(UserGroupValidationException), null },
        { HttpStatusCode.BadRequest, """{"name": ["Ensure this field has no more than 128 characters."]}""", typeof(UserGroupValidationException), null },
        { HttpStatusCode.BadRequest, """{"name": ["This field must be unique."]}""", typeof(UserGroupConflictException), "unique" },
        { HttpStatusCode.BadRequest, """{"name": ["Field must be unique"]}""", typeof(UserGroupConflictException), "unique" },
        { HttpStatusCode.BadRequest, """{"name": ["字段必须唯一"]}""", typeof(UserGroupConflictException), "unique" },
        { HttpStatusCode.BadRequest, """{"users": ["Invalid pk \"8c6f\" - object does not exist."]}""", typeof(UserGroupValidationException), null },
        { HttpStatusCode.BadRequest, """["Please save in a org"]""", typeof(UserGroupValidationException), null },
        { HttpStatusCode.BadRequest, """[{"name": ["This field is required."]}, {}]""", typeof(UserGroupValidationException), null },
        { HttpStatusCode.BadRequest, """{"detail": "JSON parse error - Expecting value", "code": "parse_error"}""", typeof(UserGroupValidationException), "parse_error" },
        { HttpStatusCode.BadRequest, "", typeof(UserGroupValidationException), null },
        { HttpStatusCode.BadRequest, """{"error": "password_failed", "msg": "Password is wrong. You can also try 4 times"}""", typeof(UserGroupValidationException), "password_failed" },
        { HttpStatusCode.Unauthorized, """{"detail": "Authentication credentials were not provided.", "code": "not_authenticated"}""", typeof(UserGroupAuthenticationException), "not_authenticated" },
        { HttpStatusCode.Unauthorized, """{"detail": "Invalid signature.", "code": "authentication_failed"}""", typeof(UserGroupAuthenticationException), "authentication_failed" },
        { HttpStatusCode.Unauthorized, """{"detail": "Ip is not in access ip list.", "code": "authentication_failed"}""", typeof(UserGroupAuthenticationException), "authentication_failed" },
        { HttpStatusCode.Forbidden, """{"detail": "You do not have permission to perform this action.", "code": "permission_denied"}""", typeof(UserGroupPermissionException), "permission_denied" },
        { HttpStatusCode.NotFound, """{"detail": "UserGroup object does not exist.", "code": "object_does_not_exist"}""", typeof(UserGroupNotFoundException), "object_does_not_exist" },
        { HttpStatusCode.NotFound, """{"error": "Not found"}""", typeof(UserGroupNotFoundException), "Not found" },
        { HttpStatusCode.MethodNotAllowed, """{"detail": "Method \"POST\" not allowed.", "code": "method_not_allowed"}""", typeof(UserGroupApiException), "method_not_allowed" },
        { HttpStatusCode.TooManyRequests, """{"detail": "Request was throttled.", "code": "throttled"}""", typeof(UserGroupRateLimitedException), "throttled" },
        { HttpStatusCode.InternalServerError, """{"error": "Server internal error"}""", typeof(UserGroupApiException), "Server internal error" },
    };

    [Theory]
    [MemberData(nameof(DocumentedErrors))]
    public async Task DocumentedErrorBodiesMapToTheRightException(HttpStatusCode status, string body, Type expected, string? errorCode)
    {
        var stub = new StubHandler(_ => StubHandler.Json(status, body));
        using var jms = new JumpServerStub(stub);

        var error = await Assert.ThrowsAnyAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync("7413d36d-cf37-45f4-b42a-cd5eeff1f4ff"));

        Assert.IsType(expected, error);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(errorCode, error.ErrorCode);
        Assert.Equal("JumpServer", error.Dialect);
        Assert.Equal("GET", error.RequestMethod);
        Assert.Equal("/api/v1/users/groups/7413d36d-cf37-45f4-b42a-cd5eeff1f4ff/", error.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task ValidationErrorsCarryTheirFields()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.BadRequest, """{"name": ["This field may not be blank."], "users": ["Invalid pk \"x\" - object does not exist."]}"""));
        using var jms = new JumpServerStub(stub);

        var error = await Assert.ThrowsAsync<UserGroupValidationException>(() => jms.Client.UserGroups.CreateAsync(new JumpServerUserGroupCreate("ok")));

        Assert.Equal(["This field may not be blank."], error.FieldErrors["name"]);
        Assert.Single(error.FieldErrors["users"]);
    }

    [Fact]
    public async Task RateLimitCarriesRetryAfter()
    {
        var stub = new StubHandler(_ =>
        {
            var response = StubHandler.Json(HttpStatusCode.TooManyRequests, """{"detail": "Request was throttled. Expected available in 7 seconds.", "code": "throttled"}""");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
            return response;
        });
        using var jms = new JumpServerStub(stub);

        var error = await Assert.ThrowsAsync<UserGroupRateLimitedException>(() => jms.Client.UserGroups.ListAsync());

        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
    }

    [Fact]
    public async Task ARedirectIsAnErrorThatNamesTheTrailingSlash()
    {
        var stub = new StubHandler(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.MovedPermanently);
            response.Headers.Location = new Uri("/api/v1/users/groups/", UriKind.Relative);
            return response;
        });
        using var jms = new JumpServerStub(stub);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.ListAsync());

        Assert.Equal(HttpStatusCode.MovedPermanently, error.StatusCode);
        Assert.Contains("'/'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnHtmlErrorPageIsAnApiExceptionWithTheBodyCapped()
    {
        var page = "<html><body>" + new string('x', 50_000) + "</body></html>";
        var stub = new StubHandler(_ => StubHandler.Text(HttpStatusCode.BadGateway, page));
        using var jms = new JumpServerStub(stub);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.ListAsync());

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.StartsWith("<html>", error.ResponseBody, StringComparison.Ordinal);
        Assert.True(error.ResponseBody!.Length < 9_000);
        Assert.EndsWith("[truncated]", error.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATruncatedSuccessBodyIsAnApiExceptionNotAJsonException()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"id": "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff", "name": "ops", "comm"""));
        using var jms = new JumpServerStub(stub);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync("7413d36d-cf37-45f4-b42a-cd5eeff1f4ff"));

        Assert.IsType<System.Text.Json.JsonException>(error.InnerException);
        Assert.Contains("\"name\": \"ops\"", error.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnHtmlSuccessBodyIsAnApiException()
    {
        var stub = new StubHandler(_ => StubHandler.Text(HttpStatusCode.OK, "<html>login</html>"));
        using var jms = new JumpServerStub(stub);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.ListAsync());

        Assert.Equal("<html>login</html>", error.ResponseBody);
    }

    [Fact]
    public async Task WrongJsonTypesAreAnApiException()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"count": "many", "results": {}}"""));
        using var jms = new JumpServerStub(stub);

        await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.ListAsync());
    }

    [Fact]
    public async Task SecretsInErrorBodiesAreRemoved()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.InternalServerError, """{"error": "boom", "token": "leaked-token-value"}"""));
        using var jms = new JumpServerStub(stub);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.ListAsync());

        Assert.DoesNotContain("leaked-token-value", error.ResponseBody, StringComparison.Ordinal);
        Assert.DoesNotContain("leaked-token-value", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEchoedCredentialWithoutALabelIsMaskedToo()
    {
        const string token = "b96810faac725563304dada8c323c4fa061863d4";
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Unauthorized, $$"""{"detail": "{{token}} is not a valid key (Token {{token[..6]}}…)", "code": "authentication_failed"}"""));
        using var jms = new JumpServerStub(stub, JumpServerCredentials.PrivateToken(token));

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => jms.Client.UserGroups.ListAsync());

        Assert.DoesNotContain(token, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(token, error.ResponseBody, StringComparison.Ordinal);
        Assert.DoesNotContain(token, error.ServerMessage, StringComparison.Ordinal);
    }
}
