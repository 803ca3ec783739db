using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Polly.Timeout;
using UserGroupClient.Http;
using UserGroupClient.JumpServer;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// What every dialect shares when it maps a failed answer: the exception type by HTTP status with the request facts
/// filled in, DRF-style field errors however nested, the "might another attempt succeed?" verdict that retries and
/// create recovery both follow, and a look at an answer's error that leaves its body readable.
/// </summary>
public sealed class StatusErrorMappingTests
{
    private static readonly Uri Target = new("https://jms.example.com/api/v1/users/groups/g1/?limit=1");

    public static TheoryData<HttpStatusCode, Type> StatusTypes => new()
    {
        { HttpStatusCode.BadRequest, typeof(UserGroupValidationException) },
        { HttpStatusCode.UnprocessableEntity, typeof(UserGroupValidationException) },
        { HttpStatusCode.Unauthorized, typeof(UserGroupAuthenticationException) },
        { HttpStatusCode.Forbidden, typeof(UserGroupPermissionException) },
        { HttpStatusCode.NotFound, typeof(UserGroupNotFoundException) },
        { HttpStatusCode.Conflict, typeof(UserGroupConflictException) },
        { HttpStatusCode.TooManyRequests, typeof(UserGroupRateLimitedException) },
        { HttpStatusCode.MethodNotAllowed, typeof(UserGroupApiException) },
        { HttpStatusCode.InternalServerError, typeof(UserGroupApiException) },
    };

    [Theory]
    [MemberData(nameof(StatusTypes))]
    public void TheStatusPicksTheTypeAndTheRequestFactsAreFilledIn(HttpStatusCode status, Type expected)
    {
        const string body = """{"detail": "It failed.", "code": "failed"}""";

        var error = JumpServerErrorMapper.Instance.Map(Answer(status, body));

        Assert.IsType(expected, error);
        Assert.Equal("JumpServer", error.Dialect);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("failed", error.ErrorCode);
        Assert.Equal("It failed.", error.ServerMessage);
        Assert.Equal("PATCH", error.RequestMethod);
        Assert.Equal(Target, error.RequestUri);
        Assert.Equal(body, error.ResponseBody);
        Assert.Equal($"JumpServer: It failed. (PATCH https://jms.example.com/api/v1/users/groups/g1/ → {(int)status}, code failed)", error.Message);
    }

    [Fact]
    public void ARateLimitCarriesTheServersRetryAfter()
    {
        var error = JumpServerErrorMapper.Instance.Map(Answer(HttpStatusCode.TooManyRequests, """{"detail": "Request was throttled."}""", TimeSpan.FromSeconds(42)));

        Assert.Equal(TimeSpan.FromSeconds(42), Assert.IsType<UserGroupRateLimitedException>(error).RetryAfter);
    }

    [Fact]
    public void AValidationErrorWithoutFieldsHasAnEmptyFieldList()
    {
        var error = JumpServerErrorMapper.Instance.Map(Answer(HttpStatusCode.UnprocessableEntity, """{"detail": "Unprocessable."}"""));

        Assert.Empty(Assert.IsType<UserGroupValidationException>(error).FieldErrors);
    }

    [Fact]
    public void FieldErrorsAreReadHoweverTheyAreNested()
    {
        const string body = """{"users": {"0": ["Invalid pk."], "1": "Gone."}, "name": [["Too long."], "Blank."], "count": 5, "flag": null}""";

        var error = Assert.IsType<UserGroupValidationException>(JumpServerErrorMapper.Instance.Map(Answer(HttpStatusCode.BadRequest, body)));

        Assert.Equal(["0: Invalid pk.", "1: Gone."], error.FieldErrors["users"]);
        Assert.Equal(["Too long.", "Blank."], error.FieldErrors["name"]);
        Assert.Equal(["5"], error.FieldErrors["count"]);
        Assert.Equal(["null"], error.FieldErrors["flag"]);
        Assert.Equal(4, error.FieldErrors.Count);
    }

    [Fact]
    public void AListOfErrorObjectsIsMergedFieldByFieldAndBareMessagesGoUnderNonFieldErrors()
    {
        const string body = """[{"name": ["Taken."]}, "Please save in a org", {"name": ["Blank."], "users": ["Invalid."]}, ["Nested."]]""";

        var error = Assert.IsType<UserGroupValidationException>(JumpServerErrorMapper.Instance.Map(Answer(HttpStatusCode.BadRequest, body)));

        Assert.Equal(["Taken.", "Blank."], error.FieldErrors["name"]);
        Assert.Equal(["Invalid."], error.FieldErrors["users"]);
        Assert.Equal(["Please save in a org", "Nested."], error.FieldErrors["non_field_errors"]);
    }

    [Fact]
    public void AListOfErrorObjectsOnlyHasNoNonFieldErrors()
    {
        var error = Assert.IsType<UserGroupValidationException>(JumpServerErrorMapper.Instance.Map(Answer(HttpStatusCode.BadRequest, """[{"name": ["Taken."]}, {}]""")));

        Assert.Equal(["name"], error.FieldErrors.Keys);
    }

    [Fact]
    public void ABareJsonStringIsANonFieldError()
    {
        var error = Assert.IsType<UserGroupValidationException>(JumpServerErrorMapper.Instance.Map(Answer(HttpStatusCode.BadRequest, "\"Please save in a org\"")));

        Assert.Equal(["Please save in a org"], error.FieldErrors["non_field_errors"]);
        Assert.Equal("non_field_errors: Please save in a org", error.ServerMessage);
    }

    [Fact]
    public void AnUnreadableAnswerNamesTheProblemAndKeepsTheCause()
    {
        var cause = new JsonException("'<' is an invalid start of a value.");

        var error = JumpServerErrorMapper.Instance.Malformed(Answer(HttpStatusCode.OK, "<html>"), "the body is not JSON", cause);

        Assert.IsType<UserGroupApiException>(error);
        Assert.Same(cause, error.InnerException);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Null(error.ErrorCode);
        Assert.Null(error.ServerMessage);
        Assert.Equal("<html>", error.ResponseBody);
        Assert.StartsWith("JumpServer answered with a response the SDK could not read: the body is not JSON. (PATCH", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<Exception, bool> Failures => new()
    {
        { new HttpRequestException("refused", new SocketException()), true },
        { new TimeoutException(), true },
        { new TimeoutRejectedException(), true },
        { new UserGroupRateLimitedException("slow down") { StatusCode = HttpStatusCode.TooManyRequests }, true },
        { new UserGroupNotFoundException("gone") { StatusCode = HttpStatusCode.InternalServerError }, false },
        { new UserGroupConflictException("taken") { StatusCode = HttpStatusCode.ServiceUnavailable }, false },
        { new UserGroupApiException("no answer", new HttpRequestException("reset")), true },
        { new UserGroupApiException("no answer", new InvalidOperationException()), false },
        { new UserGroupApiException("no answer"), false },
        { new UserGroupApiException("cut", new JsonException()) { StatusCode = HttpStatusCode.OK }, true },
        { new UserGroupApiException("cut", new IOException()) { StatusCode = HttpStatusCode.Created }, true },
        { new UserGroupApiException("cut", new HttpRequestException()) { StatusCode = (HttpStatusCode)299 }, true },
        { new UserGroupApiException("odd", new InvalidOperationException()) { StatusCode = HttpStatusCode.OK }, false },
        { new UserGroupApiException("odd") { StatusCode = HttpStatusCode.OK }, false },
        { new UserGroupApiException("redirect", new JsonException()) { StatusCode = HttpStatusCode.MultipleChoices }, false },
        { new UserGroupApiException("early", new JsonException()) { StatusCode = (HttpStatusCode)199 }, false },
        { new UserGroupApiException("busy") { StatusCode = HttpStatusCode.InternalServerError }, true },
        { new UserGroupApiException("busy") { StatusCode = HttpStatusCode.RequestTimeout }, true },
        { new UserGroupApiException("teapot") { StatusCode = (HttpStatusCode)418 }, false },
        { new InvalidOperationException(), false },
        { new OperationCanceledException(), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void WhatMightSucceedOnAnotherAttemptIsTransient(Exception failure, bool transient) =>
        Assert.Equal(transient, ApiErrorMapper.IsTransient(failure));

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData((HttpStatusCode)599, true)]
    [InlineData((HttpStatusCode)499, false)]
    [InlineData(HttpStatusCode.ProxyAuthenticationRequired, false)]
    [InlineData(HttpStatusCode.Conflict, false)]
    [InlineData(HttpStatusCode.OK, false)]
    public void OnlyATimeoutARateLimitOrAServerErrorStatusIsTransient(HttpStatusCode status, bool transient) =>
        Assert.Equal(transient, ApiErrorMapper.IsTransientStatus(status));

    [Fact]
    public async Task ALookAtAnAnswersErrorLeavesItsBodyWholeForWhoeverReadsIt()
    {
        const string body = """{"detail": "UserGroup object does not exist.", "code": "object_does_not_exist"}""";
        using var request = new HttpRequestMessage(HttpMethod.Delete, Target);
        using var response = new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent(body, Encoding.UTF8, "application/json"), RequestMessage = request };

        var error = await JumpServerErrorMapper.Instance.PeekAsync(response, CancellationToken.None);

        Assert.IsType<UserGroupNotFoundException>(error);
        Assert.Equal("object_does_not_exist", error.ErrorCode);
        Assert.Equal("DELETE", error.RequestMethod);
        Assert.Equal(Target, error.RequestUri);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ALookAtAnAnswerWithoutItsRequestStillMapsIt()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Conflict) { Content = new StringContent("""{"detail": "Taken."}""") };

        var error = await JumpServerErrorMapper.Instance.PeekAsync(response, CancellationToken.None);

        Assert.IsType<UserGroupConflictException>(error);
        Assert.Equal(string.Empty, error.RequestMethod);
        Assert.Equal(new Uri("http://localhost/"), error.RequestUri);
    }

    [Fact]
    public async Task ALookAtAnErrorBodyLargerThanAnyEnvelopeGivesNothing()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.InternalServerError)
        {
            Content = new StringContent("{\"detail\": \"" + new string('x', ResponseBodyReader.MaxBytes * 8) + "\"}"),
        };

        Assert.Null(await JumpServerErrorMapper.Instance.PeekAsync(response, CancellationToken.None));
    }

    [Fact]
    public async Task ALookAtAnErrorBodyOfExactlyTheBufferedSizeMapsIt()
    {
        var json = "{\"detail\": \"" + new string('x', (ResponseBodyReader.MaxBytes * 8) - 14) + "\"}";
        Assert.Equal(ResponseBodyReader.MaxBytes * 8, json.Length);
        using var response = new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent(json) };

        Assert.IsType<UserGroupApiException>(await JumpServerErrorMapper.Instance.PeekAsync(response, CancellationToken.None));
    }

    internal static ApiErrorResponse Answer(HttpStatusCode status, string body, TimeSpan? retryAfter = null) =>
        new(status, "PATCH", Target, body, ResponseBodyReader.TryParseJson(body, complete: true), retryAfter);
}
