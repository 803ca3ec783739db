using System.Net;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.JumpServer;
using UserGroupClient.Resilience;

namespace UserGroupClient.Tests.Resilience;

/// <summary>
/// When a facade create whose answer was lost is sent again: after an exponential backoff from
/// <see cref="UserGroupResilienceOptions.BaseDelay"/>, or after the server's <c>Retry-After</c> clamped to
/// <see cref="UserGroupResilienceOptions.MaxRetryAfter"/>, at most <see cref="UserGroupResilienceOptions.MaxRetryAttempts"/>
/// times, and never with a wait that would end at or past <see cref="UserGroupResilienceOptions.TotalTimeout"/>.
/// The server is a fake whose clock the test moves; it records when each create reached it.
/// </summary>
public sealed class CreateRecoveryBackoffTests
{
    [Fact]
    public async Task EachLostCreateIsSentAgainAfterTwiceTheBackoffOfTheOneBefore()
    {
        var server = new RecoveryServer { Answer = _ => new HttpRequestException("connection reset") };
        var recovery = server.Recovery(o => o.BaseDelay = TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => server.Drive(recovery.CreateUniqueAsync("ops", server.CreateAsync, server.FindAsync, CancellationToken.None)));

        Assert.Equal("connection reset", error.Message);
        Assert.Equal(Seconds(0, 1, 3, 7), server.Creates);
    }

    [Fact]
    public async Task TheCreateIsSentAtMostOnceMoreThanTheRetryBudget()
    {
        var server = new RecoveryServer { Answer = _ => new HttpRequestException("connection reset") };
        var recovery = server.Recovery(o =>
        {
            o.BaseDelay = TimeSpan.Zero;
            o.MaxRetryAttempts = 2;
        });

        await Assert.ThrowsAsync<HttpRequestException>(() => server.Drive(recovery.CreateUniqueAsync("ops", server.CreateAsync, server.FindAsync, CancellationToken.None)));

        Assert.Equal(3, server.Creates.Count);

        // The name is looked up once before the first create and once after each lost one.
        Assert.Equal(4, server.Lookups);
    }

    [Fact]
    public async Task ARateLimitedCreateIsSentAgainWhenTheServerSaid()
    {
        var server = new RecoveryServer { Answer = attempt => attempt == 0 ? RateLimited(TimeSpan.FromSeconds(5)) : null };
        var recovery = server.Recovery(o => o.BaseDelay = TimeSpan.FromSeconds(1));

        var group = await server.Drive(recovery.CreateUniqueAsync("ops", server.CreateAsync, server.FindAsync, CancellationToken.None));

        Assert.Equal("ops", group.Name);
        Assert.Equal(Seconds(0, 5), server.Creates);
    }

    [Fact]
    public async Task ALongerRetryAfterIsClampedToTheLongestThatIsHonoured()
    {
        var server = new RecoveryServer { Answer = attempt => attempt == 0 ? RateLimited(TimeSpan.FromHours(1)) : null };
        var recovery = server.Recovery(o =>
        {
            o.MaxRetryAfter = TimeSpan.FromSeconds(10);
            o.TotalTimeout = TimeSpan.FromMinutes(2);
        });

        var group = await server.Drive(recovery.CreateUniqueAsync("ops", server.CreateAsync, server.FindAsync, CancellationToken.None));

        Assert.Equal("ops", group.Name);
        Assert.Equal(Seconds(0, 10), server.Creates);
    }

    [Fact]
    public async Task ABackoffThatWouldEndExactlyAtTheDeadlineIsNotBegun()
    {
        var server = new RecoveryServer { Answer = _ => new HttpRequestException("connection reset") };
        var recovery = server.Recovery(o =>
        {
            o.BaseDelay = TimeSpan.FromSeconds(5);
            o.TotalTimeout = TimeSpan.FromSeconds(5);
        });

        // The lost create's own failure is the answer, at once: not the deadline's TimeoutException five seconds later.
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => server.Drive(recovery.CreateUniqueAsync("ops", server.CreateAsync, server.FindAsync, CancellationToken.None)));

        Assert.Equal("connection reset", error.Message);
        Assert.Equal(Seconds(0), server.Creates);
        Assert.Equal(TimeSpan.Zero, server.Elapsed);
    }

    [Fact]
    public async Task TheTimeAlreadySpentCountsAgainstTheDeadline()
    {
        var server = new RecoveryServer { Answer = _ => new HttpRequestException("connection reset") };
        var recovery = server.Recovery(o =>
        {
            o.BaseDelay = TimeSpan.FromSeconds(1);
            o.TotalTimeout = TimeSpan.FromSeconds(2.5);
        });

        // 1 s after the first create, the second; the next wait (2 s) would end at 3 s, past the 2.5 s deadline.
        await Assert.ThrowsAsync<HttpRequestException>(() => server.Drive(recovery.CreateUniqueAsync("ops", server.CreateAsync, server.FindAsync, CancellationToken.None)));

        Assert.Equal(Seconds(0, 1), server.Creates);
        Assert.Equal(TimeSpan.FromSeconds(1), server.Elapsed);
    }

    [Fact]
    public async Task TheCallersCancellationDuringABackoffIsACancellationNotATimeout()
    {
        var server = new RecoveryServer { Answer = _ => new HttpRequestException("connection reset") };
        var recovery = server.Recovery(o => o.BaseDelay = TimeSpan.FromSeconds(10));
        using var cancellation = new CancellationTokenSource();

        var create = recovery.CreateUniqueAsync("ops", server.CreateAsync, server.FindAsync, cancellation.Token);
        server.Clock.Advance(TimeSpan.FromSeconds(5));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => create.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(Seconds(0), server.Creates);
    }

    private static UserGroupRateLimitedException RateLimited(TimeSpan retryAfter) =>
        new("JumpServer throttled the request.") { StatusCode = HttpStatusCode.TooManyRequests, RetryAfter = retryAfter };

    private static List<TimeSpan> Seconds(params double[] seconds) => [.. seconds.Select(TimeSpan.FromSeconds)];
}
