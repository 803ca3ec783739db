using System.Net;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.MinApp;

namespace UserGroupClient.Tests.MinApp;

/// <summary>
/// An authorize step that hangs ends with the API call that needed the token: at the client's timeout, on the client's
/// clock, as a <see cref="TimeoutException"/>, and at the caller's cancellation as a cancellation.
/// </summary>
public sealed class MinAppAuthorizeTimeoutTests
{
    private static (MinAppClient Client, HttpClient Http, TaskCompletionSource Sent) Hanging(TimeSpan timeout, FakeTimeProvider clock)
    {
        var handler = new HangingHandler();
        var http = new HttpClient(handler);
        var options = new MinAppClientOptions
        {
            BaseAddress = new Uri("https://minapp.test/"),
            Credentials = MinAppCredentials.ClientCredentials("client-id", "client-secret-value"),
            TimeProvider = clock,
            Timeout = timeout,
        };
        options.Resilience.Enabled = false;
        return (new MinAppClient(options, http, handler), http, handler.Sent);
    }

    [Fact]
    public async Task AHangingAuthorizeEndsWithItsCallAtTheClientsTimeoutOnTheClientsClock()
    {
        // An hour on the real clock would outlast the test: only the client's clock can end the wait in time.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var (client, http, sent) = Hanging(TimeSpan.FromHours(1), clock);
        using (http)
        using (client)
        {
            var call = client.UserGroups.GetAsync(47);
            await sent.Task.WaitAsync(TimeSpan.FromSeconds(30));
            clock.Advance(TimeSpan.FromHours(1));

            var error = await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));

            Assert.Equal("MinApp: GET https://minapp.test/oserve/v1/user-group/47/ did not complete within 3600 s.", error.Message);
            Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
        }
    }

    [Fact]
    public async Task AHangingAuthorizeTheCallerCancelsEndsAsACancellation()
    {
        var (client, http, sent) = Hanging(Timeout.InfiniteTimeSpan, new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
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
