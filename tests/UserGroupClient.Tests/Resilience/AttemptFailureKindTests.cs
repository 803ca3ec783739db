using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Http;
using UserGroupClient.JumpServer;

namespace UserGroupClient.Tests.Resilience;

/// <summary>
/// An attempt is reported as timed out only when it was cancelled by its own timeout: a failure in transit that comes
/// after the attempt's time ran out (a connection that broke while the timeout fired) reaches the caller as itself.
/// </summary>
public sealed class AttemptFailureKindTests
{
    [Fact]
    public async Task AFailureInTransitAfterTheAttemptTimeoutFiredIsReportedAsItself()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 3, 0, 0, TimeSpan.Zero));
        var options = new JumpServerClientOptions { BaseAddress = new Uri("https://jms.example.com"), TimeProvider = clock };
        options.Resilience.Enabled = true;
        options.Resilience.MaxRetryAttempts = 0;
        var reset = new HttpRequestException("connection reset");
        var transport = new FailingWhenReleased(reset);
        var pipeline = ClientPipeline.CreateResilience(options, "failure-kind", JumpServerErrorMapper.Instance)!;
        using var invoker = new HttpMessageInvoker(ClientPipeline.Assemble(
            ClientPipeline.CreateAttemptHandler(options, "failure-kind", pipeline, JumpServerErrorMapper.Instance, ClientPipeline.CreateKnownSecrets(options)), null, transport));
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://jms.example.com/api/v1/users/groups/");

        var sending = invoker.SendAsync(request, CancellationToken.None);
        clock.Advance(options.Resilience.AttemptTimeout);
        transport.Release();

        var thrown = await Assert.ThrowsAsync<HttpRequestException>(() => sending);
        Assert.Same(reset, thrown);
    }

    /// <summary>A transport whose connection breaks once the test releases it, whatever its token says by then.</summary>
    private sealed class FailingWhenReleased(HttpRequestException failure) : HttpMessageHandler
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _released.SetResult();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await _released.Task;
            throw failure;
        }
    }
}
