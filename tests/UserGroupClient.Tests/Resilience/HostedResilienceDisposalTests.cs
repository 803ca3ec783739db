using UserGroupClient.Http;
using UserGroupClient.JumpServer;

namespace UserGroupClient.Tests.Resilience;

/// <summary>
/// The application's resilience handler (<c>UseResilienceHandler</c>) belongs to the client it was made for: disposing
/// the client's attempts disposes it, once, and nothing before, and the handlers under the attempts with it.
/// </summary>
public sealed class HostedResilienceDisposalTests
{
    [Fact]
    public void DisposingTheAttemptsDisposesTheApplicationsHandlerAndTheHandlersUnderThem()
    {
        var resilience = new DisposalCounting();
        var transport = new DisposalCounting();
        var attempts = ClientPipeline.Assemble(
            ClientPipeline.CreateHostedAttemptHandler(new JumpServerClientOptions { BaseAddress = new Uri("https://jms.example.com") }, "hosted-disposal", resilience, JumpServerErrorMapper.Instance, new KnownSecrets([])),
            null,
            transport);
        Assert.Equal(0, resilience.Disposals);

        attempts.Dispose();

        Assert.Equal(1, resilience.Disposals);
        Assert.Equal(1, transport.Disposals);
    }

    private sealed class DisposalCounting : DelegatingHandler
    {
        public int Disposals { get; private set; }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Disposals++;
            }

            base.Dispose(disposing);
        }
    }
}
