using System.Net;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Resilience;

public sealed class ResilienceHandlerTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";
    private const string GroupJson = $$"""{"id":"{{GroupId}}","name":"ops","users":[]}""";

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task IdempotentRequestsAreRetriedOnTransientStatuses(HttpStatusCode status)
    {
        var stub = new StubHandler((_, index) => index < 2 ? new HttpResponseMessage(status) : StubHandler.Json(HttpStatusCode.OK, GroupJson));
        using var jms = Fast(stub);

        var group = await jms.Client.UserGroups.GetAsync(GroupId);

        Assert.Equal("ops", group.Name);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task ConnectionFailuresAreRetried()
    {
        var stub = new StubHandler((_, index) => index == 0 ? throw new HttpRequestException("connection reset") : StubHandler.Json(HttpStatusCode.OK, GroupJson));
        using var jms = Fast(stub);

        await jms.Client.UserGroups.GetAsync(GroupId);

        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task ADeleteWhoseFirstAnswerWasLostSucceedsWhenTheResendFindsNothing()
    {
        var stub = new StubHandler((_, index) => index == 0
            ? throw new HttpRequestException("connection reset")
            : StubHandler.Json(HttpStatusCode.NotFound, """{"detail":"UserGroup object does not exist.","code":"object_does_not_exist"}"""));
        using var jms = Fast(stub);

        await jms.Client.UserGroups.DeleteAsync(GroupId);

        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task ADeleteOfAMissingGroupIsStillNotFound()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.NotFound, """{"detail":"UserGroup object does not exist.","code":"object_does_not_exist"}"""));
        using var jms = Fast(stub);

        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => jms.Client.UserGroups.DeleteAsync(GroupId));
    }

    [Fact]
    public async Task PostAndPatchAreNeverRetried()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        using var jms = Fast(stub);

        await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.CreateAsync(new JumpServerUserGroupCreate("ops")));
        await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.PatchAsync(GroupId, new JumpServerUserGroupPatch { Comment = "c" }));

        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task Unauthorized401IsLeftToTheAuthenticationHandler()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Unauthorized, """{"detail":"Invalid token.","code":"authentication_failed"}"""));
        using var jms = Fast(stub);

        await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task ClientErrorsAreNotRetried()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.NotFound, """{"detail":"UserGroup object does not exist.","code":"object_does_not_exist"}"""));
        using var jms = Fast(stub);

        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task AnExhaustedRetryBudgetSurfacesTheLastFailure()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.ServiceUnavailable, """{"error":"Server internal error"}"""));
        using var jms = Fast(stub);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(4, stub.Requests.Count);
    }

    [Fact]
    public async Task RetryAfterIsHonouredButClampedToTheMaximum()
    {
        var stub = new StubHandler((_, index) =>
        {
            if (index > 0)
            {
                return StubHandler.Json(HttpStatusCode.OK, GroupJson);
            }

            var throttled = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            throttled.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromHours(1));
            return throttled;
        });
        using var jms = Fast(stub, o => o.Resilience.MaxRetryAfter = TimeSpan.FromMilliseconds(10));

        await jms.Client.UserGroups.GetAsync(GroupId);

        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task EveryRetryIsSignedAndDatedAfresh()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var stub = new StubHandler((_, index) =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return index == 0 ? new HttpResponseMessage(HttpStatusCode.BadGateway) : StubHandler.Json(HttpStatusCode.OK, GroupJson);
        });
        using var jms = Fast(stub, o => o.TimeProvider = clock, JumpServerCredentials.AccessKey("2a5b0e9c-1111-4222-8333-944455556666", "Xy7Kp2Qw9Rt4Zu8Vb3Nm6Lc1Hd5Fg0Js3Ae"));

        await jms.Client.UserGroups.GetAsync(GroupId);

        Assert.NotEqual(stub.Requests[0].Header("Date"), stub.Requests[1].Header("Date"));
        Assert.NotEqual(stub.Requests[0].Header("Authorization"), stub.Requests[1].Header("Authorization"));
    }

    [Fact]
    public async Task AnAttemptThatHangsIsAbandonedAndRetried()
    {
        var stub = new DelayingHandler(hangingAttempts: 1, GroupJson);
        using var http = new HttpClient(stub);
        using var client = new JumpServerClient(Options(o =>
        {
            o.Resilience.BaseDelay = TimeSpan.Zero;
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        }), http);

        var group = await client.UserGroups.GetAsync(GroupId);

        Assert.Equal("ops", group.Name);
        Assert.Equal(2, stub.Attempts);
    }

    [Fact]
    public async Task TheAttemptTimeoutFollowsTheClientsClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var stub = new HangingHandler(hangingAttempts: 1, GroupJson);
        using var http = new HttpClient(stub);
        using var client = new JumpServerClient(Options(o =>
        {
            o.TimeProvider = clock;
            o.Resilience.BaseDelay = TimeSpan.Zero;
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(10);
        }), http);

        var call = client.UserGroups.GetAsync(GroupId);
        await stub.FirstAttemptStarted;
        clock.Advance(TimeSpan.FromSeconds(10));
        var group = await call.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("ops", group.Name);
        Assert.Equal(2, stub.Attempts);
    }

    [Fact]
    public async Task TheCallTimeoutFollowsTheClientsClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var stub = new HangingHandler(hangingAttempts: int.MaxValue, GroupJson);
        using var http = new HttpClient(stub);
        using var client = new JumpServerClient(Options(o =>
        {
            o.TimeProvider = clock;
            o.Timeout = TimeSpan.FromMinutes(1);
            o.Resilience.Enabled = false;
        }), http);

        var call = client.UserGroups.GetAsync(GroupId);
        await stub.FirstAttemptStarted;
        clock.Advance(TimeSpan.FromMinutes(1));

        // The SDK's own timeout, not the test's guard against a hang, which would not name the minute.
        var error = await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("within 60 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATimeoutIsATimeoutExceptionAndCancellationIsACancellation()
    {
        var stub = new DelayingHandler(hangingAttempts: int.MaxValue, GroupJson);
        using var http = new HttpClient(stub);
        using var client = new JumpServerClient(Options(o =>
        {
            o.Resilience.MaxRetryAttempts = 0;
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.Resilience.TotalTimeout = TimeSpan.FromMilliseconds(300);
        }), http);

        using var patient = new JumpServerClient(Options(_ => { }), http);

        await Assert.ThrowsAsync<TimeoutException>(() => client.UserGroups.GetAsync(GroupId));

        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => patient.UserGroups.GetAsync(GroupId, cancellation.Token));
        Assert.IsNotType<TimeoutException>(cancelled.InnerException);
    }

    [Fact]
    public async Task TheCircuitOpensAfterRepeatedFailuresAndFailsFast()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        using var jms = Breaking(stub, TimeProvider.System);
        await FailTwiceAsync(jms);

        var fast = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.Equal(2, stub.Requests.Count);
        Assert.Null(fast.StatusCode);
        Assert.Contains("circuit", fast.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnOpenCircuitLetsTheNextCallThroughOnceTheClientsClockPassesTheBreak()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var stub = new StubHandler((_, index) => index < 2 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : StubHandler.Json(HttpStatusCode.OK, GroupJson));
        using var jms = Breaking(stub, clock);
        await FailTwiceAsync(jms);

        var rejected = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync(GroupId));
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var group = await jms.Client.UserGroups.GetAsync(GroupId);

        Assert.Null(rejected.StatusCode);
        Assert.Equal("ops", group.Name);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task ACallWhoseRequestWentOutBeforeTheCircuitOpenedGetsItsAnswer()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stub = new StubHandler((_, index) =>
        {
            if (index > 0)
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
            }

            arrived.SetResult();
            return held.Task;
        });
        using var jms = Breaking(stub, TimeProvider.System);
        var first = jms.Client.UserGroups.GetAsync(GroupId);
        await arrived.Task;

        await FailTwiceAsync(jms);
        held.SetResult(StubHandler.Json(HttpStatusCode.OK, GroupJson));
        var group = await first;
        var fast = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.Equal("ops", group.Name);
        Assert.Contains("circuit", fast.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task ARetryThatTheOpenedCircuitRefusesReportsTheOpenCircuit()
    {
        // The first call fails once and then succeeds; the second call's failure opens the circuit (two failures in
        // three attempts), so its retry is refused without being sent.
        var stub = new StubHandler((_, index) => index == 1 ? StubHandler.Json(HttpStatusCode.OK, GroupJson) : new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        using var jms = Fast(stub, o =>
        {
            o.Resilience.MaxRetryAttempts = 1;
            o.Resilience.CircuitBreakerMinimumThroughput = 2;
            o.Resilience.CircuitBreakerFailureRatio = 0.5;
            o.Resilience.CircuitBreakerBreakDuration = TimeSpan.FromMinutes(1);
        });
        await jms.Client.UserGroups.GetAsync(GroupId);

        var refused = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.Null(refused.StatusCode);
        Assert.Contains("circuit", refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public void BadSettingsAreNamed()
    {
        var error = Assert.Throws<ArgumentException>(() => new JumpServerClient(Options(o => o.Resilience.AttemptTimeout = TimeSpan.FromMinutes(5))));

        Assert.Contains("Resilience.AttemptTimeout", error.Message, StringComparison.Ordinal);
    }

    private static JumpServerStub Fast(StubHandler stub, Action<JumpServerClientOptions>? configure = null, JumpServerCredentials? credentials = null) =>
        new(stub, credentials, o =>
        {
            o.Resilience.Enabled = true;
            o.Resilience.BaseDelay = TimeSpan.Zero;
            configure?.Invoke(o);
        });

    // A client whose circuit opens for a minute once two calls in a row failed.
    private static JumpServerStub Breaking(StubHandler stub, TimeProvider clock) =>
        Fast(stub, o =>
        {
            o.TimeProvider = clock;
            o.Resilience.MaxRetryAttempts = 0;
            o.Resilience.CircuitBreakerMinimumThroughput = 2;
            o.Resilience.CircuitBreakerFailureRatio = 0.5;
            o.Resilience.CircuitBreakerBreakDuration = TimeSpan.FromMinutes(1);
        });

    private static async Task FailTwiceAsync(JumpServerStub jms)
    {
        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync(GroupId));
        }
    }

    private static JumpServerClientOptions Options(Action<JumpServerClientOptions> configure)
    {
        var options = new JumpServerClientOptions { BaseAddress = new Uri("https://jms.example.com"), Credentials = JumpServerCredentials.Bearer("t") };
        configure(options);
        return options;
    }

    /// <summary>Holds back the headers of its first attempts until they are cancelled, as a stalled server does.</summary>
    private sealed class DelayingHandler(int hangingAttempts, string json) : HttpMessageHandler
    {
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _attempts) <= hangingAttempts)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            }

            return StubHandler.Json(HttpStatusCode.OK, json);
        }
    }

    /// <summary>Hangs the first attempts until they are cancelled, then answers; says when the first one started.</summary>
    private sealed class HangingHandler(int hangingAttempts, string json) : HttpMessageHandler
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        public Task FirstAttemptStarted => _started.Task;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var attempt = Interlocked.Increment(ref _attempts);
            _started.TrySetResult();
            if (attempt <= hangingAttempts)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return StubHandler.Json(HttpStatusCode.OK, json);
        }
    }
}
