using System.Net;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Resilience;

/// <summary>
/// The deadlines hold wherever a call waits: the SDK sets a timeout's timer only once something waits under it, for what
/// is left of that timeout since the call began, so these pin each place a call can wait.
/// </summary>
public sealed class DeadlineTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";

    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheTotalTimeoutEndsTheWaitForARetryAfterAFailedFirstAttempt()
    {
        var clock = new FakeTimeProvider(Start);
        var stub = new StubHandler(_ =>
        {
            var busy = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            busy.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(25));
            return busy;
        });
        using var http = new HttpClient(stub);
        using var client = new JumpServerClient(Options(clock, o =>
        {
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.Resilience.TotalTimeout = TimeSpan.FromSeconds(5);
        }), http);

        var call = client.UserGroups.GetAsync(GroupId);
        clock.Advance(TimeSpan.FromSeconds(5));

        // The SDK's total timeout, not the test's guard against a hang (the server asked for 25 s).
        var error = await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("within 5 s", error.Message, StringComparison.Ordinal);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task TheCallTimeoutEndsAPageThatStallsAfterItsHeadersThoughResilienceBoundsTheSending()
    {
        // A page is parsed as it arrives, after the attempts are over: the call's own timeout bounds it.
        var clock = new FakeTimeProvider(Start);
        var body = new StallingStream();
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) });
        using var http = new HttpClient(stub);
        using var client = new JumpServerClient(Options(clock, o => o.Timeout = TimeSpan.FromMinutes(1)), http);

        var call = client.UserGroups.ListAsync();
        await body.ReadStarted.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("within 60 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCallTimeoutCountsFromTheCallsStartWhenItsTimerIsSetLater()
    {
        // Half the call's minute passes before the page stalls; the call ends when the minute is up, not a minute later.
        var clock = new FakeTimeProvider(Start);
        var body = new StallingStream();
        var stub = new StubHandler(_ =>
        {
            clock.Advance(TimeSpan.FromSeconds(30));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) };
        });
        using var http = new HttpClient(stub);
        using var client = new JumpServerClient(Options(clock, o => o.Timeout = TimeSpan.FromMinutes(1)), http);

        var call = client.UserGroups.ListAsync();
        await body.ReadStarted.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("within 60 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCallTimeoutEndsABodyThatStallsAfterItsHeadersWhenResilienceIsOff()
    {
        var clock = new FakeTimeProvider(Start);
        var body = new StallingStream();
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) });
        using var http = new HttpClient(stub);
        using var client = new JumpServerClient(Options(clock, o =>
        {
            o.Timeout = TimeSpan.FromMinutes(1);
            o.Resilience.Enabled = false;
        }), http);

        var call = client.UserGroups.GetAsync(GroupId);
        await body.ReadStarted.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("within 60 s", error.Message, StringComparison.Ordinal);
    }

    private static JumpServerClientOptions Options(TimeProvider clock, Action<JumpServerClientOptions> configure)
    {
        var options = new JumpServerClientOptions
        {
            BaseAddress = new Uri("https://jms.example.com"),
            Credentials = JumpServerCredentials.Bearer("t"),
            TimeProvider = clock,
        };
        configure(options);
        return options;
    }
}
