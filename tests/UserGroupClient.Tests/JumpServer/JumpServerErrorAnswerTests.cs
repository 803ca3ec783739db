using System.Net;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Http;

namespace UserGroupClient.Tests.JumpServer;

/// <summary>
/// Each JumpServer answer shape (docs/wire/jumpserver.md §5) and the exception, error code and server message it
/// gives: redirects, bodies that are not JSON, the empty 400 of a refused delete, <c>detail</c>, <c>error</c>/<c>msg</c>,
/// and DRF field errors, among them the uniqueness failure that is a conflict only on a 400 about the name.
/// </summary>
public sealed class JumpServerErrorAnswerTests
{
    [Theory]
    [InlineData(300)]
    [InlineData(301)]
    [InlineData(399)]
    public void ARedirectIsReportedAsOneWhateverItsBody(int status)
    {
        var error = Map((HttpStatusCode)status, """{"detail": "Moved."}""");

        Assert.IsType<UserGroupApiException>(error);
        Assert.Equal($"the server redirected ({status}); every JumpServer path must end with '/' and redirects are not followed", error.ServerMessage);
        Assert.Null(error.ErrorCode);
    }

    [Fact]
    public void AnEmpty400IsTheRefusalOfABulkOrRelationDelete()
    {
        var error = Map(HttpStatusCode.BadRequest, string.Empty);

        Assert.IsType<UserGroupValidationException>(error);
        Assert.StartsWith("the server refused the operation with an empty 400: a bulk delete whose filter matches every group", error.ServerMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "<html>Bad Request</html>", typeof(UserGroupValidationException), "HTTP 400 BadRequest")]
    [InlineData(HttpStatusCode.NotFound, "", typeof(UserGroupNotFoundException), "HTTP 404 NotFound")]
    [InlineData(HttpStatusCode.BadGateway, "<html>Bad Gateway</html>", typeof(UserGroupApiException), "HTTP 502 BadGateway")]
    public void ABodyThatIsNotJsonIsNamedByItsStatus(HttpStatusCode status, string body, Type expected, string serverMessage)
    {
        var error = Map(status, body);

        Assert.IsType(expected, error);
        Assert.Equal(serverMessage, error.ServerMessage);
        Assert.Null(error.ErrorCode);
    }

    [Fact]
    public void ADetailWithoutACodeHasNoErrorCode()
    {
        var error = Map(HttpStatusCode.Forbidden, """{"detail": "You do not have permission."}""");

        Assert.IsType<UserGroupPermissionException>(error);
        Assert.Equal("You do not have permission.", error.ServerMessage);
        Assert.Null(error.ErrorCode);
    }

    [Fact]
    public void ADetailThatIsNotTextIsAFieldError()
    {
        var error = Assert.IsType<UserGroupValidationException>(Map(HttpStatusCode.BadRequest, """{"detail": ["Invalid filter."]}"""));

        Assert.Equal(["Invalid filter."], error.FieldErrors["detail"]);
        Assert.Equal("detail: Invalid filter.", error.ServerMessage);
    }

    [Fact]
    public void AnErrorWithAMessageShowsTheMessageAndKeepsTheErrorAsItsCode()
    {
        var error = Map(HttpStatusCode.BadRequest, """{"error": "password_failed", "msg": "Password is wrong."}""");

        Assert.Equal("Password is wrong.", error.ServerMessage);
        Assert.Equal("password_failed", error.ErrorCode);
    }

    [Fact]
    public void AnErrorAloneIsBothTheMessageAndTheCode()
    {
        var error = Map(HttpStatusCode.NotFound, """{"error": "Not found"}""");

        Assert.IsType<UserGroupNotFoundException>(error);
        Assert.Equal("Not found", error.ServerMessage);
        Assert.Equal("Not found", error.ErrorCode);
    }

    [Fact]
    public void FieldErrorsAreSummedUpFieldByField()
    {
        var error = Assert.IsType<UserGroupValidationException>(Map(HttpStatusCode.BadRequest, """{"name": ["Blank.", "Too long."], "users": ["Invalid pk."]}"""));

        Assert.Equal("name: Blank. Too long.; users: Invalid pk.", error.ServerMessage);
        Assert.StartsWith("JumpServer: name: Blank. Too long.; users: Invalid pk. (", error.Message, StringComparison.Ordinal);
        Assert.Null(error.ErrorCode);
    }

    [Fact]
    public void AnEmptyErrorObjectIsNamedByItsStatus()
    {
        var error = Assert.IsType<UserGroupValidationException>(Map(HttpStatusCode.BadRequest, "{}"));

        Assert.Equal("HTTP 400", error.ServerMessage);
        Assert.Empty(error.FieldErrors);
    }

    [Theory]
    [InlineData("""{"name": ["This field must be unique."]}""")]
    [InlineData("""{"name": ["Blank.", "FIELD MUST BE UNIQUE"], "comment": ["Too long."]}""")]
    [InlineData("""{"name": ["字段必须唯一"]}""")]
    public void AUniqueNameFailureOnA400IsAConflict(string body)
    {
        var error = Map(HttpStatusCode.BadRequest, body);

        Assert.IsType<UserGroupConflictException>(error);
        Assert.Equal("unique", error.ErrorCode);
        Assert.StartsWith("name: ", error.ServerMessage, StringComparison.Ordinal);
        Assert.StartsWith("JumpServer: name: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, """{"comment": ["Must be unique."]}""", typeof(UserGroupValidationException))]
    [InlineData(HttpStatusCode.BadRequest, """{"name": ["Blank."]}""", typeof(UserGroupValidationException))]
    [InlineData(HttpStatusCode.InternalServerError, """{"name": ["This field must be unique."]}""", typeof(UserGroupApiException))]
    public void OtherFieldErrorsAreNotAConflict(HttpStatusCode status, string body, Type expected) =>
        Assert.IsType(expected, Map(status, body));

    private static UserGroupApiException Map(HttpStatusCode status, string body) =>
        JumpServerErrorMapper.Instance.Map(StatusErrorMappingTests.Answer(status, body));
}
