using System.Net;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Authentication;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Authentication;

public sealed class CachingTokenProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 7, 3, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CachesTheTokenUntilTheRefreshMargin()
    {
        var clock = new FakeTimeProvider(Start);
        using var provider = new CountingProvider(clock, TimeSpan.FromHours(1));

        var first = await provider.GetTokenAsync();
        clock.Advance(TimeSpan.FromMinutes(54));
        var stillCached = await provider.GetTokenAsync();
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var renewed = await provider.GetTokenAsync();

        Assert.Same(first, stillCached);
        Assert.NotEqual(first.Value, renewed.Value);
        Assert.Equal(2, provider.Acquisitions);
    }

    [Fact]
    public async Task ShortLivedTokensAreRenewedAtHalfTheirLifetime()
    {
        var clock = new FakeTimeProvider(Start);
        using var provider = new CountingProvider(clock, TimeSpan.FromMinutes(4));

        await provider.GetTokenAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        await provider.GetTokenAsync();
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await provider.GetTokenAsync();

        Assert.Equal(2, provider.Acquisitions);
    }

    [Fact]
    public async Task ConcurrentCallersShareOneAcquisition()
    {
        var clock = new FakeTimeProvider(Start);
        var release = new TaskCompletionSource();
        using var provider = new CountingProvider(clock, TimeSpan.FromHours(1), release.Task);

        var callers = Enumerable.Range(0, 32).Select(_ => provider.GetTokenAsync().AsTask()).ToList();
        release.SetResult();
        var tokens = await Task.WhenAll(callers);

        Assert.Equal(1, provider.Acquisitions);
        Assert.All(tokens, t => Assert.Same(tokens[0], t));
    }

    [Fact]
    public async Task ConcurrentRefreshesAfterA401ShareOneAcquisition()
    {
        var clock = new FakeTimeProvider(Start);
        using var provider = new CountingProvider(clock, TimeSpan.FromHours(1));
        var rejected = await provider.GetTokenAsync();

        var refreshed = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => provider.RefreshTokenAsync(rejected).AsTask()));

        Assert.Equal(2, provider.Acquisitions);
        Assert.All(refreshed, t => Assert.Same(refreshed[0], t));
        Assert.NotEqual(rejected.Value, refreshed[0].Value);
    }

    [Fact]
    public async Task AFailedEarlyRenewalKeepsTheStillValidToken()
    {
        var clock = new FakeTimeProvider(Start);
        using var provider = new CountingProvider(clock, TimeSpan.FromHours(1));
        var first = await provider.GetTokenAsync();
        clock.Advance(TimeSpan.FromMinutes(56));
        provider.FailNext = true;

        var duringOutage = await provider.GetTokenAsync();
        var afterOutage = await provider.GetTokenAsync();

        Assert.Same(first, duringOutage);
        Assert.NotEqual(first.Value, afterOutage.Value);
    }

    [Fact]
    public async Task AFailedAcquisitionOfAnExpiredTokenPropagates()
    {
        var clock = new FakeTimeProvider(Start);
        using var provider = new CountingProvider(clock, TimeSpan.FromHours(1));
        await provider.GetTokenAsync();
        clock.Advance(TimeSpan.FromHours(2));
        provider.FailNext = true;

        await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => provider.GetTokenAsync().AsTask());
    }

    [Fact]
    public async Task BearerHandlerRefreshesOnceOn401AndResends()
    {
        var clock = new FakeTimeProvider(Start);
        using var provider = new CountingProvider(clock, TimeSpan.FromHours(1));
        var stub = new StubHandler((request, index) => index == 0
            ? new HttpResponseMessage(HttpStatusCode.Unauthorized)
            : new HttpResponseMessage(HttpStatusCode.OK));
        using var invoker = new HttpMessageInvoker(new BearerTokenHandler(provider) { InnerHandler = stub });
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.com/x") { Content = new StringContent("{}") };

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, stub.Requests.Count);
        Assert.Equal("Bearer token-1", stub.Requests[0].Header("Authorization"));
        Assert.Equal("Bearer token-2", stub.Requests[1].Header("Authorization"));
        Assert.Equal("{}", stub.Requests[1].Body);
    }

    [Fact]
    public async Task BearerHandlerDoesNotLoopWhenTheRenewedTokenIsAlsoRejected()
    {
        var clock = new FakeTimeProvider(Start);
        using var provider = new CountingProvider(clock, TimeSpan.FromHours(1));
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized));
        using var invoker = new HttpMessageInvoker(new BearerTokenHandler(provider) { InnerHandler = stub });
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.com/x");

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task AStaticTokenIsNotResentAfterA401()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized));
        using var invoker = new HttpMessageInvoker(new BearerTokenHandler(new StaticTokenProvider("abc"), "Token") { InnerHandler = stub });
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.com/x");

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Single(stub.Requests);
        Assert.Equal("Token abc", stub.Requests[0].Header("Authorization"));
    }

    [Fact]
    public void TokensNeverShowTheirValue()
    {
        Assert.DoesNotContain("secret-value", new AccessToken("secret-value", Start).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", new StaticTokenProvider("secret-value").ToString(), StringComparison.Ordinal);
    }

    private sealed class CountingProvider : CachingTokenProvider
    {
        private readonly TimeSpan _lifetime;
        private readonly Task _gate;
        private int _acquisitions;

        public CountingProvider(TimeProvider clock, TimeSpan lifetime, Task? gate = null)
            : base(clock)
        {
            _lifetime = lifetime;
            _gate = gate ?? Task.CompletedTask;
        }

        public int Acquisitions => Volatile.Read(ref _acquisitions);

        public bool FailNext { get; set; }

        protected override async Task<AccessToken> AcquireTokenAsync(AccessToken? previous, CancellationToken cancellationToken)
        {
            await _gate;
            if (FailNext)
            {
                FailNext = false;
                throw new UserGroupAuthenticationException("login failed");
            }

            var n = Interlocked.Increment(ref _acquisitions);
            return new AccessToken($"token-{n}", TimeProvider.GetUtcNow() + _lifetime);
        }
    }
}
