using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using UserGroupClient.Diagnostics;
using UserGroupClient.Http;
using UserGroupClient.JumpServer;
using UserGroupClient.Resilience;

namespace UserGroupClient.Tests.Resilience;

/// <summary>
/// The context Polly lends each call goes back to Polly's shared pool once the call is over, cleared of the call's
/// token and state, whether the call succeeded or failed; a context kept would leave the pool to allocate anew.
/// </summary>
public sealed class ResilienceContextReturnTests
{
    private static readonly ResiliencePropertyKey<string> CallKey = new("test.call");

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task TheCallsContextIsGivenBackClearedWhenTheCallIsOver(HttpStatusCode status)
    {
        ResilienceContext? lent = null;
        var tokenDuringTheCall = CancellationToken.None;
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args =>
                {
                    lent = args.Context;
                    tokenDuringTheCall = args.Context.CancellationToken;
                    args.Context.Properties.Set(CallKey, "this call");
                    return PredicateResult.False();
                },
            })
            .Build();
        var options = new JumpServerClientOptions();
        using var handler = new ResilienceHandler(new ClientResilience(pipeline, new CircuitBreakerStateProvider(), ResiliencePipeline.Empty), options.Resilience, new FakeTimeProvider(), new AttemptTelemetry("pooled", NullLogger.Instance, TimeProvider.System), JumpServerErrorMapper.Instance, new SuccessBody(options.MaxResponseContentBytes, ClientPipeline.CreateKnownSecrets(options), JumpServerErrorMapper.Instance))
        {
            InnerHandler = new Answering(status),
        };
        using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://jms.example.com/api/v1/users/groups/");

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal(status, response.StatusCode);
        Assert.NotNull(lent);
        Assert.True(tokenDuringTheCall.CanBeCanceled);
        Assert.NotEqual(tokenDuringTheCall, lent.CancellationToken);
        Assert.False(lent.Properties.TryGetValue(CallKey, out _));
    }

    private sealed class Answering(HttpStatusCode status) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent("{}") });
    }
}
