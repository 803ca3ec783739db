using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Http;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// What the call handler makes of an answer before the caller sees it: the size limit against an announced length at
/// its boundary and a body that announced none, a body cut short (the bytes read and the cause kept), the server's Retry-After on a rate limit read on
/// the client's clock, and a transport's failure as the dialect's exception naming the request.
/// </summary>
public sealed class CallAnswerTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";
    private const string GroupJson = $$"""{"id":"{{GroupId}}","name":"ops","comment":"","users":[]}""";
    private const int Limit = 1024;

    private static readonly Uri GroupUri = new($"https://jms.example.com/api/v1/users/groups/{GroupId}/");
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ABodyAnnouncedAtExactlyTheLimitIsRead()
    {
        var stub = new StubHandler(_ => Sized(Limit));
        using var jms = new JumpServerStub(stub, configure: o => o.MaxResponseContentBytes = Limit);

        var group = await jms.Client.UserGroups.GetAsync(GroupId);

        Assert.Equal("ops", group.Name);
    }

    [Fact]
    public async Task ABodyAnnouncedOneBytePastTheLimitIsRefusedUnread()
    {
        var stub = new StubHandler(_ => Sized(Limit + 1));
        using var jms = new JumpServerStub(stub, configure: o => o.MaxResponseContentBytes = Limit);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.StartsWith("JumpServer answered with a response the SDK could not read: the body has 1025 bytes, more than the 1024-byte limit (MaxResponseContentBytes). (GET ", error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal(GroupUri, error.RequestUri);
        Assert.Equal("GET", error.RequestMethod);
        Assert.True(string.IsNullOrEmpty(error.ResponseBody));
    }

    [Fact]
    public async Task ABodyWithoutAnAnnouncedLengthFailsAtTheLimitWhileItIsRead()
    {
        // An in-memory content could compute its length, but no Content-Length header announced one: the limit is
        // then found by reading, as for a chunked body.
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(GroupJson.PadRight(Limit + 1))) });
        using var jms = new JumpServerStub(stub, configure: o => o.MaxResponseContentBytes = Limit);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.StartsWith("JumpServer answered with a response the SDK could not read: the response body is larger than the 1024-byte limit (UserGroupClientOptions.MaxResponseContentBytes). (GET ", error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ABodyCutShortFailsWithTheBytesReadAndTheCause(bool received)
    {
        Exception cause = received ? new HttpRequestException("the response ended prematurely") : new IOException("connection reset by peer");
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new BrokenStream("""{"id":"7413d36d","name":"op"""u8.ToArray(), cause)),
        });
        using var jms = new JumpServerStub(stub);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.StartsWith($"JumpServer answered with a response the SDK could not read: the body could not be read to its end ({cause.Message}). (GET ", error.Message, StringComparison.Ordinal);
        Assert.Same(cause, error.InnerException);
        Assert.Equal("""{"id":"7413d36d","name":"op""" + "…[truncated]", error.ResponseBody);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal(GroupUri, error.RequestUri);
    }

    [Fact]
    public async Task ARetryAfterDateIsTheWaitUntilThenOnTheClientsClock()
    {
        var error = await RateLimited(header => header.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(90)));

        Assert.Equal(TimeSpan.FromSeconds(90), error.RetryAfter);
    }

    [Fact]
    public async Task ARetryAfterDateAlreadyPastIsNoWait()
    {
        var error = await RateLimited(header => header.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(-30)));

        Assert.Equal(TimeSpan.Zero, error.RetryAfter);
    }

    [Fact]
    public async Task ARetryAfterInSecondsIsTakenAsItIs()
    {
        var error = await RateLimited(header => header.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)));

        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
    }

    [Fact]
    public async Task ARateLimitWithoutRetryAfterHasNoWait()
    {
        var error = await RateLimited(_ => { });

        Assert.Null(error.RetryAfter);
    }

    [Fact]
    public async Task ATransportFailureIsTheDialectsExceptionNamingTheRequest()
    {
        var cause = new HttpRequestException("no route to host");
        var stub = new StubHandler(_ => throw cause);
        using var jms = new JumpServerStub(stub);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.DeleteAsync(GroupId));

        Assert.StartsWith("JumpServer: the request could not be sent or its response could not be received: no route to host (DELETE ", error.Message, StringComparison.Ordinal);
        Assert.Same(cause, error.InnerException);
        Assert.Equal("JumpServer", error.Dialect);
        Assert.Equal("DELETE", error.RequestMethod);
        Assert.Equal(GroupUri, error.RequestUri);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task ARedirectToAnotherOriginIsTheDialectsExceptionEndingInAFullStop()
    {
        var stub = new StubHandler(request =>
        {
            request.RequestUri = new Uri("https://elsewhere.example/landing/");
            return StubHandler.Json(HttpStatusCode.OK, GroupJson);
        });
        using var jms = new JumpServerStub(stub);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.StartsWith("JumpServer: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("(https://elsewhere.example), whose answer was not read", error.Message, StringComparison.Ordinal);
        Assert.Contains("AllowAutoRedirect = false. (GET ", error.Message, StringComparison.Ordinal);
        Assert.IsType<CrossOriginRedirectException>(error.InnerException);
        Assert.Equal("GET", error.RequestMethod);
    }

    private static async Task<UserGroupRateLimitedException> RateLimited(Action<HttpResponseHeaders> headers)
    {
        var stub = new StubHandler(_ =>
        {
            var throttled = StubHandler.Json(HttpStatusCode.TooManyRequests, """{"detail":"Request was throttled."}""");
            headers(throttled.Headers);
            return throttled;
        });
        using var jms = new JumpServerStub(stub, configure: o => o.TimeProvider = new FakeTimeProvider(Now));

        return await Assert.ThrowsAsync<UserGroupRateLimitedException>(() => jms.Client.UserGroups.GetAsync(GroupId));
    }

    // The group's JSON padded with spaces to exactly `length` bytes, its length announced.
    private static HttpResponseMessage Sized(int length)
    {
        var content = new StringContent(GroupJson.PadRight(length), Encoding.UTF8, "application/json");
        content.Headers.ContentLength = length;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}
