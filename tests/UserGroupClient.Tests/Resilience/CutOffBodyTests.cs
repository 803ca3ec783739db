using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Resilience;

/// <summary>
/// A success body is part of its attempt: one cut off in transit, or stalled past the attempt timeout, fails that
/// attempt, and the retry sends a read again as it would after a lost answer. A create is still never sent twice, and
/// a body larger than the client reads is not fetched again.
/// </summary>
public sealed class CutOffBodyTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";
    private const string Group = """{"id": "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff", "name": "ops"}""";

    [Fact]
    public async Task AReadWhoseBodyIsCutOffIsSentAgainAndTheNextAnswerCounts()
    {
        var stub = new StubHandler((_, index) => index == 0 ? CutOff(HttpStatusCode.OK, """{"id": "7413d36d""") : StubHandler.Json(HttpStatusCode.OK, Group));
        using var jms = new JumpServerStub(stub, configure: Retrying);

        var group = await jms.Client.UserGroups.GetAsync(GroupId);

        Assert.Equal("ops", group.Name);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task AReadWhoseBodyIsCutOffEveryTimeFailsAfterItsRetriesShowingWhatArrived()
    {
        var stub = new StubHandler(_ => CutOff(HttpStatusCode.OK, """{"id": "7413d36d", "token": "test-token"""));
        using var jms = new JumpServerStub(stub, configure: Retrying);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.Equal(4, stub.Requests.Count);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal("JumpServer answered with a response the SDK could not read: the body could not be read to its end (The response ended prematurely. (ResponseEnded)). (GET https://jms.example.com/api/v1/users/groups/7413d36d-cf37-45f4-b42a-cd5eeff1f4ff/ → 200)", error.Message);
        Assert.IsType<HttpIOException>(error.InnerException);
        Assert.DoesNotContain("test-token", error.ResponseBody, StringComparison.Ordinal);
        Assert.StartsWith("""{"id": "7413d36d", "token": """, error.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACreateWhoseBodyIsCutOffIsNotSentAgain()
    {
        var stub = new StubHandler(_ => CutOff(HttpStatusCode.Created, """{"id": "7413d36d"""));
        using var jms = new JumpServerStub(stub, configure: Retrying);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.CreateAsync(new JumpServerUserGroupCreate("ops")));

        Assert.Single(stub.Requests);
        Assert.Equal(HttpStatusCode.Created, error.StatusCode);
        Assert.IsType<HttpIOException>(error.InnerException);
    }

    [Fact]
    public async Task ABodyLargerThanTheClientReadsIsNotFetchedAgain()
    {
        // No announced length: the limit is found while reading, which a retry would only repeat.
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Group.PadRight(4096)))),
        });
        using var jms = new JumpServerStub(stub, configure: o =>
        {
            Retrying(o);
            o.MaxResponseContentBytes = 1024;
        });

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.Single(stub.Requests);
        Assert.Contains("larger than the 1024-byte limit (UserGroupClientOptions.MaxResponseContentBytes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyAnnouncedAtTheLimitAndCutOffIsSentAgain()
    {
        var stub = new StubHandler((_, index) => index == 0 ? CutOff(HttpStatusCode.OK, """{"id": "7413d36d""", announcedLength: 1024) : StubHandler.Json(HttpStatusCode.OK, Group));
        using var jms = new JumpServerStub(stub, configure: o =>
        {
            Retrying(o);
            o.MaxResponseContentBytes = 1024;
        });

        var group = await jms.Client.UserGroups.GetAsync(GroupId);

        Assert.Equal("ops", group.Name);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task ABodyAnnouncedPastTheLimitIsRefusedUnreadAndNotFetchedAgain()
    {
        var stub = new StubHandler(_ => CutOff(HttpStatusCode.OK, Group, announcedLength: 4096));
        using var jms = new JumpServerStub(stub, configure: o =>
        {
            Retrying(o);
            o.MaxResponseContentBytes = 1024;
        });

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.Single(stub.Requests);
        Assert.Contains("the body has 4096 bytes, more than the 1024-byte limit (MaxResponseContentBytes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyThatStallsPastTheAttemptTimeoutEndsItsAttemptAndTheReadIsSentAgain()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var stalled = new StallingStream();
        var stub = new StubHandler((_, index) => index == 0
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(stalled) }
            : StubHandler.Json(HttpStatusCode.OK, Group));
        using var jms = new JumpServerStub(stub, configure: o =>
        {
            Retrying(o);
            o.TimeProvider = clock;
        });

        var call = jms.Client.UserGroups.GetAsync(GroupId);
        await stalled.ReadStarted.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromSeconds(10));

        var group = await call.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("ops", group.Name);
        Assert.Equal(2, stub.Requests.Count);
    }

    private static void Retrying(JumpServerClientOptions options)
    {
        options.Resilience.Enabled = true;
        options.Resilience.BaseDelay = TimeSpan.Zero;
    }

    internal static HttpResponseMessage CutOff(HttpStatusCode status, string delivered, long? announcedLength = null)
    {
        var content = new StreamContent(Broken(delivered));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        content.Headers.ContentLength = announcedLength;
        return new HttpResponseMessage(status) { Content = content };
    }

    /// <summary>A body that ends as a connection closed in transit does: with the transport's <see cref="HttpIOException"/>.</summary>
    internal static BrokenStream Broken(string delivered) =>
        new(Encoding.UTF8.GetBytes(delivered), new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely."));
}
