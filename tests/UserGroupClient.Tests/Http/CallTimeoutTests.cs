using System.Net;
using Microsoft.Extensions.Time.Testing;
using Polly.Timeout;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// Which bound ends a call that waits, and how it says so: the call's own timeout when it is the tighter one (even
/// under resilience), resilience's timeouts when they are, a deadline already spent before the body waits, the system
/// clock as well as a test's, and calls after a timed-out one unharmed.
/// </summary>
public sealed class CallTimeoutTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";
    private const string GroupJson = $$"""{"id":"{{GroupId}}","name":"ops","comment":"","users":[]}""";
    private const string GroupUri = $"https://jms.example.com/api/v1/users/groups/{GroupId}/";

    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheCallsTimeoutEndsAHangingSendThoughResiliencesTotalTimeoutIsLonger()
    {
        var clock = new FakeTimeProvider(Start);
        var transport = new Hanging();
        using var http = new HttpClient(transport);
        using var client = new JumpServerClient(Options(clock, o =>
        {
            o.Timeout = TimeSpan.FromSeconds(10);
            o.Resilience.Enabled = true;
            o.Resilience.MaxRetryAttempts = 0;
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(60);
            o.Resilience.TotalTimeout = TimeSpan.FromSeconds(60);
        }), http);

        var call = client.UserGroups.GetAsync(GroupId);
        await transport.Started.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal($"JumpServer: GET {GroupUri} did not complete within 10 s.", error.Message);
    }

    [Fact]
    public async Task AnAttemptThatRunsOutOfTimeIsATimeoutNamingTheAttemptTimeout()
    {
        var clock = new FakeTimeProvider(Start);
        var transport = new Hanging();
        using var http = new HttpClient(transport);
        using var client = new JumpServerClient(Options(clock, o =>
        {
            o.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
            o.Resilience.Enabled = true;
            o.Resilience.MaxRetryAttempts = 0;
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(2500);
            o.Resilience.TotalTimeout = TimeSpan.FromSeconds(30);
        }), http);

        var call = client.UserGroups.GetAsync(GroupId);
        await transport.Started.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromMilliseconds(2500));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal($"GET {GroupUri} did not complete within 2.5 s.", error.Message);
        var attempt = Assert.IsType<TimeoutRejectedException>(error.InnerException);
        Assert.Equal("The attempt did not complete within 2.5 s.", attempt.Message);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), attempt.Timeout);
        Assert.IsAssignableFrom<OperationCanceledException>(attempt.InnerException);
    }

    [Fact]
    public async Task ACallWhoseTimeWasSpentBeforeItsBodyWaitsEndsAtOnce()
    {
        var clock = new FakeTimeProvider(Start);
        var body = new StallingStream();
        var stub = new StubHandler(_ =>
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) };
        });
        using var http = new HttpClient(stub);
        using var client = new JumpServerClient(Options(clock, o => o.Timeout = TimeSpan.FromMinutes(1)), http);

        // The clock does not move again: the call ends on the deadline it reached, not on a timer that waits for it.
        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.UserGroups.GetAsync(GroupId).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal($"JumpServer: GET {GroupUri} did not complete within 60 s.", error.Message);
    }

    [Fact]
    public async Task TheCallsTimeoutHoldsOnTheSystemClockAndLaterCallsAreUnharmed()
    {
        var hang = true;
        var transport = new Hanging(() => Volatile.Read(ref hang) ? null : StubHandler.Json(HttpStatusCode.OK, GroupJson));
        using var http = new HttpClient(transport);
        using var client = new JumpServerClient(Options(TimeProvider.System, o => o.Timeout = TimeSpan.FromMilliseconds(200)), http);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.UserGroups.GetAsync(GroupId).WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal($"JumpServer: GET {GroupUri} did not complete within 0.2 s.", error.Message);

        // The timed-out call's cancellation source is not handed to a later call.
        Volatile.Write(ref hang, false);
        for (var i = 0; i < 300; i++)
        {
            Assert.Equal("ops", (await client.UserGroups.GetAsync(GroupId)).Name);
        }
    }

    private static JumpServerClientOptions Options(TimeProvider clock, Action<JumpServerClientOptions> configure)
    {
        var options = new JumpServerClientOptions
        {
            BaseAddress = new Uri("https://jms.example.com"),
            Credentials = JumpServerCredentials.Bearer("t"),
            TimeProvider = clock,
        };
        options.Resilience.Enabled = false;
        configure(options);
        return options;
    }

    /// <summary>Waits until the attempt's token is cancelled, unless <c>answer</c> gives a response; says when it was first called.</summary>
    private sealed class Hanging(Func<HttpResponseMessage?>? answer = null) : HttpMessageHandler
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _started.TrySetResult();
            if (answer?.Invoke() is { } response)
            {
                return response;
            }

            await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("The wait ended without a cancellation.");
        }
    }
}
