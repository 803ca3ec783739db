using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Resilience;

/// <summary>
/// When the SDK's retry sends a failed idempotent request again, as the server sees it: after the server's
/// <c>Retry-After</c> (a delay or a date, clamped to <see cref="UserGroupClient.Resilience.UserGroupResilienceOptions.MaxRetryAfter"/>),
/// else after a jittered exponential backoff; and how the retries are numbered in the SDK's spans and metrics.
/// The client's clock is a fake the test moves; the stub notes when each request reached it.
/// </summary>
public sealed class RetryScheduleTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";
    private const string GroupJson = $$"""{"id":"{{GroupId}}","name":"ops","users":[]}""";
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ARetryAfterDelayIsWaitedBeforeTheRetry()
    {
        var server = new TimedServer(first: () => Throttled(h => h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(5))));

        await server.GetAsync();

        Assert.Equal(Seconds(0, 5), server.Requests);
    }

    [Fact]
    public async Task ARetryAfterDateIsWaitedUntil()
    {
        var server = new TimedServer(first: () => Throttled(h => h.RetryAfter = new RetryConditionHeaderValue(Start.AddSeconds(7))));

        await server.GetAsync();

        Assert.Equal(Seconds(0, 7), server.Requests);
    }

    [Fact]
    public async Task ARetryAfterDateThatHasPassedIsARetryAtOnce()
    {
        var server = new TimedServer(first: () => Throttled(h => h.RetryAfter = new RetryConditionHeaderValue(Start.AddHours(-1))));

        await server.GetAsync(o => o.Resilience.BaseDelay = TimeSpan.FromSeconds(10));

        Assert.Equal(Seconds(0, 0), server.Requests);
    }

    [Fact]
    public async Task ARetryAfterLongerThanTheMaximumIsClampedToIt()
    {
        var server = new TimedServer(first: () => Throttled(h => h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromHours(1))));

        await server.GetAsync(o => o.Resilience.MaxRetryAfter = TimeSpan.FromSeconds(3));

        Assert.Equal(Seconds(0, 3), server.Requests);
    }

    [Fact]
    public async Task WithoutRetryAfterTheBackoffsOfCallsThatFailedAlikeDiffer()
    {
        // Jitter spreads the retries of many callers that failed at once, instead of sending them all together again.
        var firstRetries = new List<TimeSpan>();
        for (var call = 0; call < 4; call++)
        {
            var server = new TimedServer(first: () => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
            await server.GetAsync(o => o.Resilience.BaseDelay = TimeSpan.FromSeconds(1));
            Assert.Equal(2, server.Requests.Count);
            Assert.InRange(server.Requests[1], TimeSpan.Zero, TimeSpan.FromSeconds(10));
            firstRetries.Add(server.Requests[1]);
        }

        Assert.True(firstRetries.Distinct().Count() > 1, $"every first retry came after {firstRetries[0]}");
    }

    [Fact]
    public async Task TheAnswerOfAFailedAttemptIsReleasedBeforeTheRetry()
    {
        var failed = new TrackedContent();
        var server = new TimedServer(first: () => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = failed });

        await server.GetAsync();

        Assert.Equal(2, server.Requests.Count);
        Assert.True(failed.Disposed);
    }

    [Fact]
    public async Task RetriesAreNumberedInTheSpansAndTheRetryCounter()
    {
        var client = $"retry-numbering-{Guid.NewGuid():N}";
        var resendCounts = new List<object?>();
        var retries = new List<object?>();
        using var spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "UserGroupClient",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("usergroupclient.client"), client))
                {
                    lock (resendCounts)
                    {
                        resendCounts.Add(activity.GetTagItem("http.request.resend_count"));
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(spans);
        using var meters = RetryCounter.Listen(client, retries);
        var server = new TimedServer(first: () => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable), failures: 2);

        await server.GetAsync(o =>
        {
            o.ClientName = client;
            o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(100);
        });

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(new object?[] { null, 1, 2 }, resendCounts);
        Assert.Equal(new object?[] { 1, 2 }, retries);
    }

    private static HttpResponseMessage Throttled(Action<HttpResponseHeaders> retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        retryAfter(response.Headers);
        return response;
    }

    private static List<TimeSpan> Seconds(params double[] seconds) => [.. seconds.Select(TimeSpan.FromSeconds)];

    /// <summary>Answers the first <c>failures</c> requests with <c>first</c>, then the group; notes when each arrived.</summary>
    private sealed class TimedServer(Func<HttpResponseMessage> first, int failures = 1)
    {
        private readonly ManualClock _clock = new(Start);
        private readonly List<TimeSpan> _requests = [];

        public List<TimeSpan> Requests
        {
            get
            {
                lock (_requests)
                {
                    return [.. _requests];
                }
            }
        }

        /// <summary>Gets the group, moving the clock to each backoff the client begins.</summary>
        public async Task GetAsync(Action<JumpServerClientOptions>? configure = null)
        {
            var stub = new StubHandler((_, index) =>
            {
                lock (_requests)
                {
                    _requests.Add(_clock.Elapsed);
                }

                _clock.Arrived();

                return index < failures ? first() : StubHandler.Json(HttpStatusCode.OK, GroupJson);
            });
            using var jms = new JumpServerStub(stub, configure: o =>
            {
                o.TimeProvider = _clock;
                o.Resilience.Enabled = true;
                configure?.Invoke(o);
            });

            var group = await _clock.RunAsync(jms.Client.UserGroups.GetAsync(GroupId));
            Assert.Equal("ops", group.Name);
        }
    }
}
