using System.Net;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// A caller's <see cref="HttpClient"/> that followed a redirect, as .NET's redirect handling does it (the same message,
/// sent on with a new <see cref="HttpRequestMessage.RequestUri"/>): an answer from another origin is refused unread and
/// never retried; one from the same origin is the answer.
/// </summary>
public sealed class CallerClientRedirectTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";
    private const string GroupJson = $$"""{"id":"{{GroupId}}","name":"ops","comment":"","users":[]}""";

    [Fact]
    public async Task AnAnswerFromAnotherOriginIsRefusedUnreadAndNotRetried()
    {
        var bodies = new List<TrackedContent>();
        var stub = new StubHandler(request =>
        {
            request.RequestUri = new Uri("https://elsewhere.example:8443/landing/?code=secret-code-0123");
            var body = new TrackedContent(GroupJson);
            bodies.Add(body);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = body, RequestMessage = request };
        });
        using var jms = new JumpServerStub(stub, configure: o =>
        {
            o.Resilience.Enabled = true;
            o.Resilience.BaseDelay = TimeSpan.Zero;
        });

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.Contains("followed a redirect to another origin (https://elsewhere.example:8443)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-code-0123", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(new Uri($"https://jms.example.com/api/v1/users/groups/{GroupId}/"), error.RequestUri);
        Assert.Equal("JumpServer", error.Dialect);
        Assert.Null(error.StatusCode);
        Assert.Single(stub.Requests);
        Assert.False(Assert.Single(bodies).WasRead);
        Assert.True(bodies[0].WasDisposed);
    }

    [Theory]
    [InlineData("http://jms.example.com/api/v1/users/groups/")]
    [InlineData("https://jms.example.com:8443/api/v1/users/groups/")]
    [InlineData("https://sso.jms.example.com/api/v1/users/groups/")]
    public async Task AnotherSchemePortOrHostIsAnotherOrigin(string landing)
    {
        var stub = new StubHandler(request =>
        {
            request.RequestUri = new Uri(landing);
            return StubHandler.Json(HttpStatusCode.OK, GroupJson);
        });
        using var jms = new JumpServerStub(stub);

        await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync(GroupId));
    }

    [Fact]
    public async Task AnAnswerFromTheSameOriginAfterARedirectIsTheAnswer()
    {
        var body = new TrackedContent(GroupJson);
        var stub = new StubHandler(request =>
        {
            request.RequestUri = new Uri("https://JMS.example.com:443/api/v1/users/groups/moved/");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = body, RequestMessage = request };
        });
        using var jms = new JumpServerStub(stub);

        var group = await jms.Client.UserGroups.GetAsync(GroupId);

        Assert.Equal("ops", group.Name);
        Assert.True(body.WasRead);
    }

    /// <summary>A body that records whether anyone read it and whether it was disposed.</summary>
    private sealed class TrackedContent(string json) : StringContent(json, System.Text.Encoding.UTF8, "application/json")
    {
        public bool WasRead { get; private set; }

        public bool WasDisposed { get; private set; }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            WasRead = true;
            return base.SerializeToStreamAsync(stream, context, cancellationToken);
        }

        protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken)
        {
            WasRead = true;
            return base.CreateContentReadStreamAsync(cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            WasDisposed = true;
            base.Dispose(disposing);
        }
    }
}
