using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Authentication;

namespace UserGroupClient.Tests.Authentication;

/// <summary>
/// When <see cref="CachingTokenProvider"/> goes back to the server for a token: the exact edges of its refresh window,
/// rejections, failures, cancellation and disposal.
/// </summary>
public sealed class CachingTokenRenewalWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 7, 3, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheTokenIsRenewedAtExactlyTheDefaultFiveMinutesBeforeItExpires()
    {
        var clock = new FakeTimeProvider(Start);
        using var provider = new ScriptedProvider(clock, TimeSpan.FromHours(1));

        var first = await provider.GetTokenAsync();
        clock.Advance(TimeSpan.FromMinutes(55) - TimeSpan.FromTicks(1));
        var justBefore = await provider.GetTokenAsync();
        clock.Advance(TimeSpan.FromTicks(1));
        var atTheEdge = await provider.GetTokenAsync();

        Assert.Equal(TimeSpan.FromMinutes(5), provider.RefreshMargin);
        Assert.Same(first, justBefore);
        Assert.NotSame(first, atTheEdge);
        Assert.Equal(2, provider.Acquisitions);
    }

    [Fact]
    public async Task AConfiguredMarginMovesTheRenewal()
    {
        var clock = new FakeTimeProvider(Start);
        using var provider = new ScriptedProvider(clock, TimeSpan.FromHours(1), TimeSpan.FromMinutes(10));

        var first = await provider.GetTokenAsync();
        clock.Advance(TimeSpan.FromMinutes(50) - TimeSpan.FromTicks(1));
        var justBefore = await provider.GetTokenAsync();
        clock.Advance(TimeSpan.FromTicks(1));
        var atTheEdge = await provider.GetTokenAsync();

        Assert.Equal(TimeSpan.FromMinutes(10), provider.RefreshMargin);
        Assert.Same(first, justBefore);
        Assert.NotSame(first, atTheEdge);
    }

    [Fact]
    public async Task AZeroMarginKeepsTheTokenUntilItExpires()
    {
        var clock = new FakeTimeProvider(Start);
        using var provider = new ScriptedProvider(clock, TimeSpan.FromHours(1), TimeSpan.Zero);

        var first = await provider.GetTokenAsync();
        clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromTicks(1));
        var justBefore = await provider.GetTokenAsync();
        clock.Advance(TimeSpan.FromTicks(1));
        var atExpiry = await provider.GetTokenAsync();

        Assert.Same(first, justBefore);
        Assert.NotSame(first, atExpiry);
    }

    [Fact]
    public void ANegativeMarginIsRefused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ScriptedProvider(new FakeTimeProvider(Start), TimeSpan.FromHours(1), TimeSpan.FromTicks(-1)));

        Assert.Equal("refreshMargin", error.ParamName);
    }

    [Fact]
    public async Task WithoutAClockTheSystemClockDecidesExpiry()
    {
        using var provider = new SystemClockProvider();

        var first = await provider.GetTokenAsync();
        var second = await provider.GetTokenAsync();

        Assert.Same(first, second);
    }

    [Fact]
    public async Task ATokenThatArrivesAlreadyExpiredIsNotReused()
    {
        var clock = new FakeTimeProvider(Start);
        using var provider = new ScriptedProvider(clock, TimeSpan.FromMinutes(-10));

        var first = await provider.GetTokenAsync();
        var second = await provider.GetTokenAsync();

        Assert.NotSame(first, second);
        Assert.Equal(2, provider.Acquisitions);
    }

    [Fact]
    public async Task ATokenWithoutExpiryIsKeptUntilReset()
    {
        var clock = new FakeTimeProvider(Start);
        using var provider = new ScriptedProvider(clock, lifetime: null);

        var first = await provider.GetTokenAsync();
        clock.Advance(TimeSpan.FromDays(3650));
        var muchLater = await provider.GetTokenAsync();
        provider.Reset();
        var afterReset = await provider.GetTokenAsync();

        Assert.Same(first, muchLater);
        Assert.NotSame(first, afterReset);
    }

    [Fact]
    public async Task EachAcquisitionIsGivenTheTokenItReplaces()
    {
        var clock = new FakeTimeProvider(Start);
        using var provider = new ScriptedProvider(clock, TimeSpan.FromHours(1));

        var first = await provider.GetTokenAsync();
        clock.Advance(TimeSpan.FromMinutes(56));
        var renewed = await provider.GetTokenAsync();
        var refreshed = await provider.RefreshTokenAsync(renewed);

        Assert.Equal([null, first, renewed], provider.Previous);
        Assert.NotSame(renewed, refreshed);
    }

    [Fact]
    public async Task ARenewalThatFailsAtTheMomentOfExpiryPropagates()
    {
        var clock = new FakeTimeProvider(Start);
        using var provider = new ScriptedProvider(clock, TimeSpan.FromHours(1));
        await provider.GetTokenAsync();
        clock.Advance(TimeSpan.FromHours(1));
        provider.FailNext = true;

        await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => provider.GetTokenAsync().AsTask());
    }

    [Fact]
    public async Task AFailedFirstAcquisitionPropagatesAndTheNextCallTriesAgain()
    {
        var clock = new FakeTimeProvider(Start);
        using var provider = new ScriptedProvider(clock, TimeSpan.FromHours(1)) { FailNext = true };

        await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => provider.GetTokenAsync().AsTask());
        var token = await provider.GetTokenAsync();

        Assert.Equal("token-1", token.Value);
    }

    [Fact]
    public async Task ACancelledEarlyRenewalIsReportedAsCancelledNotAnsweredWithTheOldToken()
    {
        var clock = new FakeTimeProvider(Start);
        using var provider = new ScriptedProvider(clock, TimeSpan.FromHours(1));
        await provider.GetTokenAsync();
        clock.Advance(TimeSpan.FromMinutes(56));
        using var cancellation = new CancellationTokenSource();
        provider.WaitForCancellation = true;

        var renewing = provider.GetTokenAsync(cancellation.Token).AsTask();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => renewing);
    }

    [Fact]
    public async Task ARefreshAfterARejectionAcquiresANewTokenAndFailuresPropagate()
    {
        var clock = new FakeTimeProvider(Start);
        using var provider = new ScriptedProvider(clock, TimeSpan.FromHours(1));
        var rejected = await provider.GetTokenAsync();
        provider.FailNext = true;

        await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => provider.RefreshTokenAsync(rejected).AsTask());
        var refreshed = await provider.RefreshTokenAsync(rejected);

        Assert.Equal("token-2", refreshed.Value);
        Assert.Same(refreshed, await provider.GetTokenAsync());
    }

    [Fact]
    public async Task ARefreshForAnOlderTokenGetsTheCurrentOneWhileItIsFresh()
    {
        var clock = new FakeTimeProvider(Start);
        using var provider = new ScriptedProvider(clock, TimeSpan.FromHours(1));
        var old = await provider.GetTokenAsync();
        var current = await provider.RefreshTokenAsync(old);
        clock.Advance(TimeSpan.FromMinutes(55) - TimeSpan.FromTicks(1));

        var forOld = await provider.RefreshTokenAsync(old);
        clock.Advance(TimeSpan.FromTicks(1));
        var forOldAtTheEdge = await provider.RefreshTokenAsync(old);

        Assert.Same(current, forOld);
        Assert.NotSame(current, forOldAtTheEdge);
        Assert.Equal(3, provider.Acquisitions);
    }

    [Fact]
    public async Task ATokenStillFreshIsHandedOutAtOnceWhileARenewalAfterARejectionIsInFlight()
    {
        var clock = new FakeTimeProvider(Start);
        using var provider = new ScriptedProvider(clock, TimeSpan.FromHours(1));
        var first = await provider.GetTokenAsync();
        provider.WaitForCancellation = true;
        using var cancel = new CancellationTokenSource();
        var renewing = provider.RefreshTokenAsync(first, cancel.Token).AsTask();

        var during = provider.GetTokenAsync();
        var handedOutAtOnce = during.IsCompletedSuccessfully;
        var renewedMeanwhile = renewing.IsCompleted;
        await cancel.CancelAsync();

        Assert.True(handedOutAtOnce);
        Assert.False(renewedMeanwhile);
        Assert.Same(first, await during);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => renewing);
        Assert.Equal(1, provider.Acquisitions);
    }

    [Fact]
    public async Task ARefreshWithNothingCachedAcquires()
    {
        var clock = new FakeTimeProvider(Start);
        using var provider = new ScriptedProvider(clock, TimeSpan.FromHours(1));

        var token = await provider.RefreshTokenAsync(new AccessToken("from-elsewhere"));

        Assert.Equal("token-1", token.Value);
        Assert.Equal([null], provider.Previous);
    }

    [Fact]
    public async Task ARefreshNeedsTheRejectedToken()
    {
        using var provider = new ScriptedProvider(new FakeTimeProvider(Start), TimeSpan.FromHours(1));

        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => provider.RefreshTokenAsync(null!).AsTask());

        Assert.Equal("rejected", error.ParamName);
    }

    [Fact]
    public async Task ADisposedProviderNoLongerAcquires()
    {
        var provider = new ScriptedProvider(new FakeTimeProvider(Start), TimeSpan.FromHours(1));
        provider.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => provider.GetTokenAsync().AsTask());
        Assert.Equal(0, provider.Acquisitions);
    }

    private sealed class ScriptedProvider(FakeTimeProvider clock, TimeSpan? lifetime, TimeSpan? refreshMargin = null)
        : CachingTokenProvider(clock, refreshMargin)
    {
        private int _acquisitions;

        public int Acquisitions => Volatile.Read(ref _acquisitions);

        public List<AccessToken?> Previous { get; } = [];

        public bool FailNext { get; set; }

        public bool WaitForCancellation { get; set; }

        protected override async Task<AccessToken> AcquireTokenAsync(AccessToken? previous, CancellationToken cancellationToken)
        {
            Previous.Add(previous);
            if (WaitForCancellation)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            if (FailNext)
            {
                FailNext = false;
                throw new UserGroupAuthenticationException("login failed");
            }

            var n = Interlocked.Increment(ref _acquisitions);
            return new AccessToken($"token-{n}", lifetime is { } span ? TimeProvider.GetUtcNow() + span : null);
        }
    }

    private sealed class SystemClockProvider() : CachingTokenProvider(null)
    {
        protected override Task<AccessToken> AcquireTokenAsync(AccessToken? previous, CancellationToken cancellationToken) =>
            Task.FromResult(new AccessToken("system-clock-token", DateTimeOffset.UtcNow.AddHours(1)));
    }
}
