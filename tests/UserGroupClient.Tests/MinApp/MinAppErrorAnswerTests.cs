using System.Net;
using UserGroupClient.MinApp;
using UserGroupClient.Tests.Http;

namespace UserGroupClient.Tests.MinApp;

/// <summary>
/// Each MinApp answer (docs/wire/minapp.md §5) and the exception, message and code it gives: the message is the first
/// non-empty of <c>error_msg</c>, <c>message</c>, <c>detail</c>, <c>error_description</c>, <c>error</c>, else the start
/// of a body that is not JSON, else the status; 402 (application in arrears) is a permission error.
/// </summary>
public sealed class MinAppErrorAnswerTests
{
    [Theory]
    [InlineData("""{"error_msg": "1", "message": "2", "detail": "3", "error_description": "4", "error": "5"}""", "1")]
    [InlineData("""{"error_msg": "", "message": "2", "detail": "3", "error_description": "4", "error": "5"}""", "2")]
    [InlineData("""{"detail": "3", "error_description": "4", "error": "5"}""", "3")]
    [InlineData("""{"error_description": "4", "error": "5"}""", "4")]
    [InlineData("""{"error": "5"}""", "5")]
    [InlineData("""{"error_msg": 7, "message": "2"}""", "2")]
    public void TheMessageIsTheFirstNonEmptyMessageField(string body, string message)
    {
        var error = Map(HttpStatusCode.BadRequest, body);

        Assert.IsType<UserGroupValidationException>(error);
        Assert.Equal(message, error.ServerMessage);
        Assert.StartsWith($"MinApp: {message} (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheErrorFieldIsTheCode()
    {
        var error = Map(HttpStatusCode.Unauthorized, """{"error": "invalid_token", "error_description": "The access token expired."}""");

        Assert.IsType<UserGroupAuthenticationException>(error);
        Assert.Equal("invalid_token", error.ErrorCode);
        Assert.Equal("The access token expired.", error.ServerMessage);
    }

    [Fact]
    public void AnApplicationInArrearsIsAPermissionError()
    {
        var error = Map(HttpStatusCode.PaymentRequired, """{"error_msg": "The application is in arrears.", "error": "arrears"}""");

        Assert.IsType<UserGroupPermissionException>(error);
        Assert.Equal(HttpStatusCode.PaymentRequired, error.StatusCode);
        Assert.Equal("arrears", error.ErrorCode);
        Assert.Equal("The application is in arrears.", error.ServerMessage);
        Assert.StartsWith("MinApp: The application is in arrears. (", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(302)]
    [InlineData(399)]
    public void ARedirectIsReportedAsOne(int status)
    {
        var error = Map((HttpStatusCode)status, """{"error_msg": "moved"}""");

        Assert.IsType<UserGroupApiException>(error);
        Assert.Equal($"the server redirected ({status}); every MinApp path ends with '/' and API calls follow no redirects", error.ServerMessage);
    }

    [Fact]
    public void TheStartOfABodyThatIsNotJsonIsTheMessage()
    {
        var error = Map(HttpStatusCode.InternalServerError, "  <html>Internal error</html>\n");

        Assert.Equal("<html>Internal error</html>", error.ServerMessage);
        Assert.Null(error.ErrorCode);
    }

    [Fact]
    public void ALongBodyThatIsNotJsonIsCutAtTwoHundredCharacters()
    {
        var exact = new string('e', 200);
        var longer = new string('f', 201);

        Assert.Equal(exact, Map(HttpStatusCode.BadGateway, exact).ServerMessage);
        Assert.Equal(new string('f', 200) + "…", Map(HttpStatusCode.BadGateway, longer).ServerMessage);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "", "not found", typeof(UserGroupNotFoundException))]
    [InlineData(HttpStatusCode.NotFound, "{}", "not found", typeof(UserGroupNotFoundException))]
    [InlineData(HttpStatusCode.InternalServerError, "   ", "HTTP 500", typeof(UserGroupApiException))]
    [InlineData(HttpStatusCode.InternalServerError, """{"code": 5}""", "HTTP 500", typeof(UserGroupApiException))]
    [InlineData(HttpStatusCode.TooManyRequests, "[]", "HTTP 429", typeof(UserGroupRateLimitedException))]
    public void WithoutAMessageTheStatusIsTheMessage(HttpStatusCode status, string body, string message, Type expected)
    {
        var error = Map(status, body);

        Assert.IsType(expected, error);
        Assert.Equal(message, error.ServerMessage);
    }

    [Fact]
    public void ARefusedLoginIsAnAuthenticationErrorNamingTheStep()
    {
        var error = MinAppErrorMapper.Instance.MapAuthenticationFailure(
            StatusErrorMappingTests.Answer(HttpStatusCode.BadRequest, """{"error": "invalid_grant", "error_description": "The code expired."}"""),
            "the token request was refused");

        Assert.IsType<UserGroupAuthenticationException>(error);
        Assert.Equal("invalid_grant", error.ErrorCode);
        Assert.Equal("The code expired.", error.ServerMessage);
        Assert.Equal("MinApp", error.Dialect);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.StartsWith("MinApp: the token request was refused: The code expired. (", error.Message, StringComparison.Ordinal);
    }

    private static UserGroupApiException Map(HttpStatusCode status, string body) =>
        MinAppErrorMapper.Instance.Map(StatusErrorMappingTests.Answer(status, body));
}
