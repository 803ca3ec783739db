using System.Net;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.MinApp;

namespace UserGroupClient.Tests.MinApp;

/// <summary>An authorize step that hangs ends at the client's timeout as a <see cref="TimeoutException"/>, and at the caller's cancellation as a cancellation.</summary>
public sealed class MinAppAuthorizeTimeoutTests
{
    private static (MinAppClient Client, HttpClient Http, TaskCompletionSource Sent) Hanging(TimeSpan timeout)
    {
        var handler = new HangingHandler();
        var http = new HttpClient(handler);
        var options = new MinAppClientOptions
        {
            BaseAddress = new Uri("https://minapp.test/"),
            Credentials = MinAppCredentials.ClientCredentials("client-id", "client-secret-value"),

            // The transport's own timeouts follow this clock, which never moves: only the authorize step's bound can end the wait.
            TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            Timeout = timeout,
        };
        options.Resilience.Enabled = false;
        return (new MinAppClient(options, http, handler), http, handler.Sent);
    }

    [Fact]
    public async Task AHangingAuthorizeEndsAtTheClientsTimeout()
    {
        var (client, http, _) = Hanging(TimeSpan.FromMilliseconds(1));
        using (http)
        using (client)
        {
            var error = await Assert.ThrowsAsync<TimeoutException>(() => client.UserGroups.GetAsync(47));

            Assert.Equal("MinApp: the authorize step did not complete within 0.001 s.", error.Message);
            Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
        }
    }

    [Fact]
    public async Task AHangingAuthorizeTheCallerCancelsEndsAsACancellation()
    {
        var (client, http, sent) = Hanging(Timeout.InfiniteTimeSpan);
        using (http)
        using (client)
        using (var cancellation = new CancellationTokenSource())
        {
            var call = client.UserGroups.GetAsync(47, cancellation.Token);
            await sent.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await cancellation.CancelAsync();

            var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

            Assert.Equal(cancellation.Token, error.CancellationToken);
        }
    }

    /// <summary>A transport that answers nothing until the request is cancelled.</summary>
    private sealed class HangingHandler : HttpMessageHandler
    {
        private readonly TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Sent => _sent;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _sent.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
