using System.Net;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Resilience;

/// <summary>
/// A facade create that is recovered (looked up, tried again after a backoff) stays within
/// <see cref="UserGroupClient.Resilience.UserGroupResilienceOptions.TotalTimeout"/>, as one request does.
/// </summary>
public sealed class CreateRecoveryDeadlineTests
{
    private const string EmptyPage = """{"count":0,"next":null,"previous":null,"results":[]}""";

    [Fact]
    public async Task ABackoffThatWouldEndPastTheDeadlineIsNotWaitedOut()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var stub = new StubHandler(request => request.Method == HttpMethod.Post ? RateLimited(TimeSpan.FromDays(1)) : StubHandler.Json(HttpStatusCode.OK, EmptyPage));
        using var jms = new JumpServerStub(stub, configure: o =>
        {
            o.TimeProvider = clock;
            o.Resilience.Enabled = true;
        });

        // Retry-After is clamped to MaxRetryAfter (30 s), which would end at the 30 s deadline: the rate limit is the answer.
        var error = await Assert.ThrowsAsync<UserGroupRateLimitedException>(
            () => jms.Service.CreateGroupAsync(new NewUserGroup("ops")).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(TimeSpan.FromDays(1), error.RetryAfter);
        Assert.Single(stub.Requests, r => r.Method == "POST");
        Assert.Equal(TimeSpan.Zero, clock.GetUtcNow() - new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task AttemptsThatKeepTimingOutEndAtTheTotalTimeoutOfTheWholeCreate()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var stub = new HangingPosts(EmptyPage);
        using var http = new HttpClient(stub);
        using var client = new JumpServerClient(
            new JumpServerClientOptions
            {
                BaseAddress = new Uri("https://jms.example.com"),
                Credentials = JumpServerCredentials.Bearer("t"),
                TimeProvider = clock,
            },
            http);

        // Each attempt times out after 10 s; the first three (with their 2 s and 4 s backoffs) would take 36 s.
        var create = client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("ops"));
        for (var second = 0; second < 120 && !create.IsCompleted; second++)
        {
            await stub.WhenHanging(TimeSpan.FromMilliseconds(50));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var error = await Assert.ThrowsAsync<TimeoutException>(() => create.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("creating 'ops' did not complete within 30 s", error.Message, StringComparison.Ordinal);
        Assert.InRange(stub.Posts, 2, 3);
    }

    private static HttpResponseMessage RateLimited(TimeSpan retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(retryAfter);
        return response;
    }

    /// <summary>Answers reads at once and holds every POST until it is cancelled.</summary>
    private sealed class HangingPosts(string json) : HttpMessageHandler
    {
        private int _posts;
        private int _hanging;

        public int Posts => Volatile.Read(ref _posts);

        /// <summary>Waits (a little, in real time) for a POST to be held, so the clock is moved only while the SDK waits on it.</summary>
        public async Task WhenHanging(TimeSpan atMost)
        {
            for (var waited = TimeSpan.Zero; Volatile.Read(ref _hanging) == 0 && waited < atMost; waited += TimeSpan.FromMilliseconds(5))
            {
                await Task.Delay(5);
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method != HttpMethod.Post)
            {
                return StubHandler.Json(HttpStatusCode.OK, json);
            }

            Interlocked.Increment(ref _posts);
            Interlocked.Increment(ref _hanging);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                throw new InvalidOperationException("unreachable");
            }
            finally
            {
                Interlocked.Decrement(ref _hanging);
            }
        }
    }
}
