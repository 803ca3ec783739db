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
                Resilience = { BaseDelay = TimeSpan.Zero, TotalTimeout = TimeSpan.FromSeconds(25) },
            },
            http);

        // Each attempt times out after 10 s and is followed at once by a lookup (no backoff), so the only timers are the
        // attempts' and the deadline's, all set before the POST reaches the server: the clock moves once one is held.
        // POST 1 (0–10 s), POST 2 (10–20 s), POST 3 from 20 s: the deadline falls at 25 s, which alone ran to 30 s.
        var create = client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("ops"));
        foreach (var (posts, advance) in new[] { (1, 10), (2, 10), (3, 5) })
        {
            await stub.WhenHeld(posts);
            clock.Advance(TimeSpan.FromSeconds(advance));
        }

        var error = await Assert.ThrowsAsync<TimeoutException>(() => create.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("creating 'ops' did not complete within 25 s", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, stub.Posts);
    }

    private static HttpResponseMessage RateLimited(TimeSpan retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(retryAfter);
        return response;
    }

    /// <summary>Answers reads at once and holds every POST until it is cancelled; says when it holds so many.</summary>
    private sealed class HangingPosts(string json) : HttpMessageHandler
    {
        private int _posts;

        public int Posts => Volatile.Read(ref _posts);

        /// <summary>Waits (in real time, boundedly) until at least <paramref name="posts"/> POSTs have reached it.</summary>
        public async Task WhenHeld(int posts)
        {
            for (var i = 0; i < 2000 && Volatile.Read(ref _posts) < posts; i++)
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
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
