using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Http;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Resilience;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// The bodies the call handler looks at: a GET goes out without the empty body Refit gives a request with a header, a
/// success body that must hold JSON and is empty (only whitespace) or JSON null fails naming which, whether the call
/// handler read it (resilience off) or its attempt did, a body announced past the limit is released unread, and a
/// streamed page that stalls ends at the call's timeout.
/// </summary>
public sealed class CallBodyTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";
    private const string Organization = "00000000-0000-0000-0000-000000000002";

    [Fact]
    public async Task AGetWithAnOrganizationHeaderGoesOutWithoutABody()
    {
        var contents = new List<HttpContent?>();
        var stub = new StubHandler(request =>
        {
            contents.Add(request.Content);
            return StubHandler.Json(HttpStatusCode.OK, """{"id": "g", "name": "g"}""");
        });
        var options = new JumpServerClientOptions { BaseAddress = new Uri("https://jms.example.com/"), Credentials = JumpServerCredentials.Bearer("t") };
        using var connection = ClientPipeline.Connect(stub, options, "test", JumpServerErrorMapper.Instance, ClientPipeline.CreateKnownSecrets(options));

        await connection.Api<IJumpServerEndpoints>(JumpServerJsonContext.Default).GetGroupAsync(Organization, "g", CancellationToken.None);

        var sent = Assert.Single(stub.Requests);
        Assert.Equal(Organization, sent.Header("X-JMS-ORG"));
        Assert.Null(sent.Body);
        Assert.Null(Assert.Single(contents));
    }

    [Fact]
    public async Task APostWithOnlyAHeaderKeepsTheEmptyBodyRefitGivesIt()
    {
        // HTTP/1.1 servers may refuse a POST that announces no length (411); only a GET or DELETE drops its empty body.
        using var jumpServer = new JumpServerStub(new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent)));
        using var actions = jumpServer.Client.CreateApi<ICallerAction>(CallerLookupJson.Default);

        await actions.LockAsync(1, "audit");

        var sent = Assert.Single(jumpServer.Handler.Requests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal("audit", sent.Header("X-Reason"));
        Assert.Equal(string.Empty, sent.Body);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData(" \r\n\t ", false)]
    [InlineData("", true)]
    public async Task ASuccessBodyWithNothingButWhitespaceIsAnEmptyBody(string body, bool resilience)
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, body));
        using var jms = new JumpServerStub(stub, configure: o => o.Resilience.Enabled = resilience);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.StartsWith("JumpServer answered with a response the SDK could not read: the body is empty. (GET ", error.Message, StringComparison.Ordinal);
        Assert.Equal("The body ended before any JSON.", Assert.IsType<JsonException>(error.InnerException).Message);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
    }

    [Theory]
    [InlineData("null", false)]
    [InlineData("  null\r\n", false)]
    [InlineData("null", true)]
    public async Task ASuccessBodyOfJsonNullIsNamedSoAndKeptInTheException(string body, bool resilience)
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, body));
        using var jms = new JumpServerStub(stub, configure: o => o.Resilience.Enabled = resilience);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.StartsWith("JumpServer answered with a response the SDK could not read: the body is JSON null. (GET ", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
        Assert.Equal("null", error.ResponseBody);
    }

    [Fact]
    public async Task ABodyAnnouncedPastTheLimitIsReleasedUnread()
    {
        var body = new TrackedContent();
        var stub = new StubHandler(_ =>
        {
            body.Headers.ContentLength = 5_000;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = body };
        });
        using var jms = new JumpServerStub(stub, configure: o => o.MaxResponseContentBytes = 4_096);

        await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.True(body.Disposed);
    }

    [Fact]
    public async Task AStreamedPageThatStallsEndsAtTheCallsTimeout()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var body = new StallingStream();
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) });
        using var jms = new JumpServerStub(stub, configure: o =>
        {
            o.TimeProvider = clock;
            o.Timeout = TimeSpan.FromSeconds(20);
        });

        var call = jms.Client.UserGroups.ListAsync();
        await body.ReadStarted.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromSeconds(20));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("did not complete within 20 s", error.Message, StringComparison.Ordinal);
    }
}
