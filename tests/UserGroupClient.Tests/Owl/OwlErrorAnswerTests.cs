using System.Net;
using UserGroupClient.Owl;
using UserGroupClient.Tests.Http;

namespace UserGroupClient.Tests.Owl;

/// <summary>
/// Each Owl answer (docs/wire/owl.md §3–§5) and the exception, code and message it gives: the envelope's numeric
/// <c>code</c> decides, the HTTP status only when there is none; the host-group delete refusal is "not empty" whatever
/// its code.
/// </summary>
public sealed class OwlErrorAnswerTests
{
    public static TheoryData<int, string, Type> Codes => new()
    {
        { 400, "bad input", typeof(UserGroupValidationException) },
        { 400, "Group Already Exists", typeof(UserGroupConflictException) },
        { 304, "password not changed", typeof(UserGroupValidationException) },
        { 401, "auth header empty", typeof(UserGroupAuthenticationException) },
        { 403, "forbidden", typeof(UserGroupPermissionException) },
        { 404, "group not found", typeof(UserGroupNotFoundException) },
        { 409, "conflict", typeof(UserGroupConflictException) },
        { 500, "Error 1062: duplicate ENTRY 'web'", typeof(UserGroupConflictException) },
        { 500, "already exists", typeof(UserGroupApiException) },
        { 404, "Duplicate entry", typeof(UserGroupNotFoundException) },
        { 418, "teapot", typeof(UserGroupApiException) },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public void TheEnvelopesCodeDecidesOnA200(int code, string message, Type expected)
    {
        var error = Map(HttpStatusCode.OK, $$"""{"code": {{code}}, "message": "{{message}}"}""");

        Assert.IsType(expected, error);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error.ErrorCode);
        Assert.Equal(message, error.ServerMessage);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.StartsWith($"Owl: {message} (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCodeWinsOverTheStatus()
    {
        var error = Map(HttpStatusCode.BadRequest, """{"code": 404, "message": "user not found"}""");

        Assert.IsType<UserGroupNotFoundException>(error);
    }

    [Fact]
    public void ARateLimitCodeCarriesTheServersRetryAfter()
    {
        var error = OwlErrorMapper.Instance.Map(StatusErrorMappingTests.Answer(HttpStatusCode.OK, """{"code": 429, "message": "slow down"}""", TimeSpan.FromSeconds(9)));

        Assert.Equal(TimeSpan.FromSeconds(9), Assert.IsType<UserGroupRateLimitedException>(error).RetryAfter);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, """{"code": "400", "message": "no access"}""", typeof(UserGroupPermissionException))]
    [InlineData(HttpStatusCode.NotFound, """{"code": 1e20, "message": "missing"}""", typeof(UserGroupNotFoundException))]
    [InlineData(HttpStatusCode.Conflict, """{"code": 4.5, "message": "taken"}""", typeof(UserGroupConflictException))]
    [InlineData(HttpStatusCode.Unauthorized, """{"message": "token expired"}""", typeof(UserGroupAuthenticationException))]
    public void WithoutANumericCodeTheStatusDecides(HttpStatusCode status, string body, Type expected)
    {
        var error = Map(status, body);

        Assert.IsType(expected, error);
        Assert.Null(error.ErrorCode);
    }

    [Fact]
    public void ACodeWithoutAMessageIsNamedByTheStatus()
    {
        var error = Map(HttpStatusCode.OK, """{"code": 403}""");

        Assert.IsType<UserGroupPermissionException>(error);
        Assert.Equal("403", error.ErrorCode);
        Assert.Null(error.ServerMessage);
        Assert.StartsWith("Owl: HTTP 200 (", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway, "<html>Bad Gateway</html>", typeof(UserGroupApiException))]
    [InlineData(HttpStatusCode.NotFound, "[1, 2]", typeof(UserGroupNotFoundException))]
    [InlineData(HttpStatusCode.Unauthorized, "{}", typeof(UserGroupAuthenticationException))]
    public void WithNeitherCodeNorMessageTheStatusIsTheMessage(HttpStatusCode status, string body, Type expected)
    {
        var error = Map(status, body);

        Assert.IsType(expected, error);
        Assert.Equal($"HTTP {(int)status} {status}", error.ServerMessage);
        Assert.Null(error.ErrorCode);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(500)]
    public void TheDeleteRefusalIsNotEmptyWhateverItsCode(int code)
    {
        var error = Map(HttpStatusCode.OK, $$"""{"code": {{code}}, "message": "web contains some host, is not allowed to delete"}""");

        Assert.IsType<UserGroupNotEmptyException>(error);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error.ErrorCode);
        Assert.Equal("web contains some host, is not allowed to delete", error.ServerMessage);
        Assert.StartsWith("Owl: web contains some host, is not allowed to delete; remove its hosts first (", error.Message, StringComparison.Ordinal);
    }

    private static UserGroupApiException Map(HttpStatusCode status, string body) =>
        OwlErrorMapper.Instance.Map(StatusErrorMappingTests.Answer(status, body));
}
