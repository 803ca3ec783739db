using System.Net;
using UserGroupClient.Http;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// What a client does with the transports it is given: a caller's client that answers later from another origin is
/// refused even when its handler names no request, and disposing the SDK's client leaves the caller's client and a
/// given credential transport in working order.
/// </summary>
public sealed class CallerClientOwnershipTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";
    private const string GroupJson = $$"""{"id":"{{GroupId}}","name":"ops","comment":"","users":[]}""";

    [Fact]
    public async Task AnAnswerThatComesLaterFromAnotherOriginIsRefusedThoughTheHandlerNamesNoRequest()
    {
        var transport = new Later(request =>
        {
            request.RequestUri = new Uri("https://elsewhere.example/landing/");
            return StubHandler.Json(HttpStatusCode.OK, GroupJson);
        });
        using var http = new HttpClient(transport);
        using var client = new JumpServerClient(Options(), http);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => client.UserGroups.GetAsync(GroupId));

        Assert.IsType<CrossOriginRedirectException>(error.InnerException);
        Assert.Equal(new Uri($"https://jms.example.com/api/v1/users/groups/{GroupId}/"), error.RequestUri);
    }

    [Fact]
    public async Task AnAnswerThatComesLaterFromTheSameOriginIsTheAnswer()
    {
        var transport = new Later(_ => StubHandler.Json(HttpStatusCode.OK, GroupJson));
        using var http = new HttpClient(transport);
        using var client = new JumpServerClient(Options(), http);

        Assert.Equal("ops", (await client.UserGroups.GetAsync(GroupId)).Name);
    }

    [Fact]
    public async Task DisposingTheClientLeavesTheCallersClientAndCredentialTransportAlone()
    {
        var api = new Tracked();
        var credentials = new Tracked();
        using var http = new HttpClient(api);
        var client = new JumpServerClient(Options(), http, credentials);

        client.Dispose();

        Assert.False(api.Disposed);
        Assert.False(credentials.Disposed);
        using var answer = await http.GetAsync(new Uri("https://jms.example.com/"));
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
    }

    [Fact]
    public void DisposingTheConnectionsOfAClientWithItsOwnTransportLeavesAGivenCredentialTransportAlone()
    {
        var credentials = new Tracked();

        JumpServerDialect.Instance.Connect(Options(), httpClient: null, credentials).Dispose();

        Assert.False(credentials.Disposed);
    }

    private static JumpServerClientOptions Options()
    {
        var options = new JumpServerClientOptions { BaseAddress = new Uri("https://jms.example.com"), Credentials = JumpServerCredentials.Bearer("t") };
        options.Resilience.Enabled = false;
        return options;
    }

    /// <summary>Answers after a yield, as a transport on the network does.</summary>
    private sealed class Later(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Yield();
            return answer(request);
        }
    }

    /// <summary>Answers 204 and records whether it was disposed.</summary>
    private sealed class Tracked : HttpMessageHandler
    {
        public bool Disposed { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
