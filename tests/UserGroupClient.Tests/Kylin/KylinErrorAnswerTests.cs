using System.Net;
using UserGroupClient.Kylin;
using UserGroupClient.Tests.Http;

namespace UserGroupClient.Tests.Kylin;

/// <summary>
/// Each Kylin answer (docs/wire/kylin.md §2, §11.4, §12.3) and the exception, code and message it gives: a 401 is an
/// authentication error whatever its body, another flavor's refusal names the server, Kylin 5's <c>KE-…</c> codes
/// decide before the message text, and KAP's English messages before the status.
/// </summary>
public sealed class KylinErrorAnswerTests
{
    public static TheoryData<string, string, Type> Codes => new()
    {
        { KylinErrorCode.DuplicateGroup, "anything", typeof(UserGroupConflictException) },
        { KylinErrorCode.GroupNotFound, "anything", typeof(UserGroupNotFoundException) },
        { KylinErrorCode.InvalidParameter, "The group g1 does not EXIST.", typeof(UserGroupNotFoundException) },
        { KylinErrorCode.InvalidParameter, "The parameter is wrong.", typeof(UserGroupApiException) },
        { KylinErrorCode.InvalidParameter, "Access is denied", typeof(UserGroupPermissionException) },
        { KylinErrorCode.InvalidGroupName, "ALL_USERS CANNOT BE DELETED", typeof(UserGroupValidationException) },
        { KylinErrorCode.InvalidGroupName, "The name is invalid.", typeof(UserGroupValidationException) },
        { KylinErrorCode.EmptyGroupName, "anything", typeof(UserGroupValidationException) },
        { KylinErrorCode.EmptyParameter, "anything", typeof(UserGroupValidationException) },
        { KylinErrorCode.AdminOrAllUsersChange, "anything", typeof(UserGroupValidationException) },
        { KylinErrorCode.InvalidObject, "anything", typeof(UserGroupValidationException) },
        { KylinErrorCode.AccessDenied, "anything", typeof(UserGroupPermissionException) },
        { KylinErrorCode.UserLocked, "anything", typeof(UserGroupAuthenticationException) },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public void Kylin5sCodeDecides(string code, string text, Type expected)
    {
        var message = $"{code}({code}):{text}";

        var error = Map(HttpStatusCode.InternalServerError, Envelope(message));

        Assert.IsType(expected, error);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(message, error.ServerMessage);
        Assert.StartsWith($"Kylin: {message} (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABuiltInGroupThatCannotBeDeletedIsAFieldErrorOnTheGroupName()
    {
        var message = $"{KylinErrorCode.InvalidGroupName}: ALL_USERS cannot be deleted";

        var error = Assert.IsType<UserGroupValidationException>(Map(HttpStatusCode.InternalServerError, Envelope(message)));

        Assert.Equal([message], error.FieldErrors["groupName"]);
        Assert.Single(error.FieldErrors);
    }

    [Fact]
    public void ARefusedRequestIsANonFieldError()
    {
        var message = $"{KylinErrorCode.EmptyGroupName}: The group name is empty";

        var error = Assert.IsType<UserGroupValidationException>(Map(HttpStatusCode.InternalServerError, Envelope(message)));

        Assert.Equal([message], error.FieldErrors["non_field_errors"]);
        Assert.Single(error.FieldErrors);
    }

    [Fact]
    public void TheErrorCodeFieldWinsOverTheCodeInTheMessageAndTheEnvelopesCode()
    {
        var body = $$"""{"code": "999", "msg": "{{KylinErrorCode.GroupNotFound}}: no group", "error_code": "{{KylinErrorCode.DuplicateGroup}}"}""";

        var error = Map(HttpStatusCode.InternalServerError, body);

        Assert.IsType<UserGroupConflictException>(error);
        Assert.Equal(KylinErrorCode.DuplicateGroup, error.ErrorCode);
    }

    [Fact]
    public void WithoutAKylin5CodeTheEnvelopesCodeIsTheErrorCode() =>
        Assert.Equal("999", Map(HttpStatusCode.InternalServerError, Envelope("something failed")).ErrorCode);

    public static TheoryData<HttpStatusCode, string, Type> Texts => new()
    {
        { HttpStatusCode.InternalServerError, "group:g1 ALREADY EXISTS", typeof(UserGroupConflictException) },
        { HttpStatusCode.InternalServerError, "group:g1 Does Not Exist", typeof(UserGroupNotFoundException) },
        { HttpStatusCode.InternalServerError, "User 'bob' NOT FOUND.", typeof(UserGroupNotFoundException) },
        { HttpStatusCode.InternalServerError, "user 'bob' not found.", typeof(UserGroupApiException) },
        { HttpStatusCode.InternalServerError, "User 'bob' not found in group", typeof(UserGroupApiException) },
        { HttpStatusCode.InternalServerError, "access is DENIED", typeof(UserGroupPermissionException) },
        { HttpStatusCode.InternalServerError, "can not delete group ALL_USERS", typeof(UserGroupValidationException) },
        { HttpStatusCode.InternalServerError, "The group ALL_USERS Must Have At Least One User", typeof(UserGroupValidationException) },
        { HttpStatusCode.BadRequest, "User ADMIN IS LOCKED, please wait.", typeof(UserGroupAuthenticationException) },
        { HttpStatusCode.InternalServerError, "User ADMIN is locked, please wait.", typeof(UserGroupApiException) },
        { HttpStatusCode.NotFound, "Something unexpected", typeof(UserGroupNotFoundException) },
        { HttpStatusCode.OK, "Something unexpected", typeof(UserGroupApiException) },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void KapsMessageTextDecidesThenTheStatus(HttpStatusCode status, string message, Type expected)
    {
        var error = Map(status, Envelope(message));

        Assert.IsType(expected, error);
        Assert.Equal(message, error.ServerMessage);
        Assert.Equal("999", error.ErrorCode);
    }

    [Fact]
    public void TheExceptionFieldIsTheMessageWhenThereIsNoMsg()
    {
        var error = Map(HttpStatusCode.InternalServerError, """{"code": "999", "exception": "group:g1 already exists"}""");

        Assert.IsType<UserGroupConflictException>(error);
        Assert.Equal("group:g1 already exists", error.ServerMessage);
    }

    [Theory]
    [InlineData("""{"code": "999", "msg": "Bad credentials"}""", "Bad credentials")]
    [InlineData("<html><body>HTTP Status 401</body></html>", null)]
    public void A401IsAnAuthenticationErrorWhateverItsBody(string body, string? message)
    {
        var error = Map(HttpStatusCode.Unauthorized, body);

        Assert.IsType<UserGroupAuthenticationException>(error);
        Assert.Equal(message, error.ServerMessage);
        Assert.StartsWith($"Kylin: {message ?? "the credentials were refused (HTTP 401)"} (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A401WithAnotherFlavorsBodyIsStillAnAuthenticationError() =>
        Assert.IsType<UserGroupAuthenticationException>(Map(HttpStatusCode.Unauthorized, """{"code": "999", "msg": "API of version v2 is no longer supported"}"""));

    [Theory]
    [InlineData(HttpStatusCode.NotAcceptable, """{"message": "Not Acceptable"}""", "Not Acceptable")]
    [InlineData(HttpStatusCode.NotAcceptable, """{"error": "Not Acceptable"}""", "Not Acceptable")]
    [InlineData(HttpStatusCode.InternalServerError, """{"code": "999", "msg": "API of version v2 is no longer supported"}""", "API of version v2 is no longer supported")]
    [InlineData(HttpStatusCode.MethodNotAllowed, "", null)]
    public void AnotherFlavorsRefusalNamesTheServerAndKeepsItsMessage(HttpStatusCode status, string body, string? serverMessage)
    {
        var error = Map(status, body);

        Assert.IsType<UserGroupUnsupportedServerException>(error);
        Assert.Equal(serverMessage, error.ServerMessage);
        Assert.StartsWith("Kylin: the server does not serve this user-group API, so it is a Kylin of another flavor: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASpringBootRefusalWithHttp500SaysWhichFlavorsRefuseTheV2Type()
    {
        var error = Map(HttpStatusCode.InternalServerError, """{"timestamp": "2026-12-06T10:00:00.000+00:00", "status": 500, "error": "Internal Server Error", "path": "/kylin/api/user_group/groups"}""");

        Assert.IsType<UserGroupUnsupportedServerException>(error);
        Assert.StartsWith(
            "Kylin: the server does not serve this user-group API, so it is a Kylin of another flavor: it refused the request with HTTP 500 and Spring Boot's error body instead of Kylin's error envelope, as Kylin 5 and Kyligence Enterprise 4.x refuse the KAP v2 media type (",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void AnHttp500WithKylinsCodeIsKylinsOwnErrorBesideSpringBootsFields()
    {
        var error = Map(HttpStatusCode.InternalServerError, """{"code": "999", "status": 500, "error": "Internal Server Error", "msg": "group:g1 already exists"}""");

        Assert.IsType<UserGroupConflictException>(error);
        Assert.Equal("group:g1 already exists", error.ServerMessage);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(302)]
    [InlineData(399)]
    public void ARedirectIsReportedAsOne(int status)
    {
        var error = Map((HttpStatusCode)status, Envelope("moved"));

        Assert.IsType<UserGroupApiException>(error);
        Assert.Equal($"the server redirected ({status}); redirects are not followed, check the base address", error.ServerMessage);
        Assert.Equal("999", error.ErrorCode);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway, "<html>Bad Gateway</html>", "HTTP 502 with a body that is not Kylin's JSON envelope", null)]
    [InlineData(HttpStatusCode.InternalServerError, """{"code": "999"}""", "HTTP 500 with code 999", "999")]
    [InlineData(HttpStatusCode.InternalServerError, """{"data": null}""", "HTTP 500 with code (none)", null)]
    [InlineData(HttpStatusCode.BadRequest, """{"code": "999", "msg": 5}""", "HTTP 400 with code 999", "999")]
    public void WithoutAMessageTheStatusAndCodeAreTheMessage(HttpStatusCode status, string body, string serverMessage, string? code)
    {
        var error = Map(status, body);

        Assert.Equal(serverMessage, error.ServerMessage);
        Assert.Equal(code, error.ErrorCode);
    }

    private static string Envelope(string message) =>
        $$"""{"code": "999", "data": null, "msg": {{System.Text.Json.JsonSerializer.Serialize(message)}}, "stacktrace": "at org.apache.kylin"}""";

    private static UserGroupApiException Map(HttpStatusCode status, string body) =>
        KylinErrorMapper.Instance.Map(StatusErrorMappingTests.Answer(status, body));
}
