using System.Net;
using UserGroupClient.Http;
using UserGroupClient.JumpServer;

namespace UserGroupClient.Tests.Resilience;

/// <summary>
/// Whichever resilience sends a request's attempts (the SDK's pipeline or an application's handler), the first attempt
/// sends the caller's own message, so what inner handlers record on it reaches the caller, and every later attempt sends
/// a copy carrying the same headers and options, since a message cannot be sent twice.
/// </summary>
public sealed class AttemptMessageTests
{
    private const string GroupsUri = "https://jms.example.com/api/v1/users/groups/";
    private static readonly HttpRequestOptionsKey<string> CallerKey = new("test.caller");

    [Fact]
    public async Task TheSdksResilienceSendsTheCallersMessageFirstAndACopyOnRetry()
    {
        var transport = new ReceivingHandler(index => index == 0 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK);
        var options = Options();
        options.Resilience.BaseDelay = TimeSpan.Zero;
        var pipeline = ClientPipeline.CreateResilience(options, "copies", JumpServerErrorMapper.Instance)!;
        using var invoker = new HttpMessageInvoker(ClientPipeline.Assemble(
            ClientPipeline.CreateAttemptHandler(options, "copies", pipeline, JumpServerErrorMapper.Instance, ClientPipeline.CreateKnownSecrets(options)), null, transport));
        using var request = CallerRequest();

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertFirstIsTheCallersAndSecondACopy(request, transport.Received);
    }

    [Fact]
    public async Task AnApplicationsResilienceHasTheCallersMessageSentFirstAndACopyOnItsResend()
    {
        var transport = new ReceivingHandler(index => index == 0 ? HttpStatusCode.BadGateway : HttpStatusCode.OK);
        using var invoker = new HttpMessageInvoker(ClientPipeline.Assemble(
            ClientPipeline.CreateHostedAttemptHandler(Options(), "hosted-copies", new ResendOnce(), JumpServerErrorMapper.Instance, ClientPipeline.CreateKnownSecrets(Options())), null, transport));
        using var request = CallerRequest();

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertFirstIsTheCallersAndSecondACopy(request, transport.Received);
    }

    private static void AssertFirstIsTheCallersAndSecondACopy(HttpRequestMessage request, IReadOnlyList<HttpRequestMessage> received)
    {
        Assert.Equal(2, received.Count);
        Assert.Same(request, received[0]);
        Assert.NotSame(request, received[1]);
        Assert.Equal(request.RequestUri, received[1].RequestUri);
        Assert.Equal(["trace-41"], received[1].Headers.GetValues("X-Trace"));
        Assert.True(received[1].Options.TryGetValue(CallerKey, out var caller));
        Assert.Equal("from the caller", caller);
    }

    private static JumpServerClientOptions Options()
    {
        var options = new JumpServerClientOptions { BaseAddress = new Uri("https://jms.example.com"), Credentials = JumpServerCredentials.Bearer("t") };
        options.Resilience.Enabled = true;
        return options;
    }

    private static HttpRequestMessage CallerRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, GroupsUri);
        request.Headers.Add("X-Trace", "trace-41");
        request.Options.Set(CallerKey, "from the caller");
        return request;
    }

    /// <summary>Answers with the status the responder gives each attempt's index and keeps the very messages it was handed.</summary>
    private sealed class ReceivingHandler(Func<int, HttpStatusCode> respond) : HttpMessageHandler
    {
        private readonly List<HttpRequestMessage> _received = [];

        public IReadOnlyList<HttpRequestMessage> Received => _received;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _received.Add(request);
            return Task.FromResult(new HttpResponseMessage(respond(_received.Count - 1)) { Content = new StringContent("{}") });
        }
    }

    /// <summary>An application's retry that sends the same message again after a 5xx.</summary>
    private sealed class ResendOnce : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var first = await base.SendAsync(request, cancellationToken);
            if ((int)first.StatusCode < 500)
            {
                return first;
            }

            first.Dispose();
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
