using UserGroupClient.Authentication;
using UserGroupClient.Http;

namespace UserGroupClient.Tests.Authentication;

/// <summary>
/// Tokens from a caller's own provider join the client's known secrets as they are handed out (the live one and the
/// one before), so an echo of either is masked; a provider that hands out nothing is named.
/// </summary>
public sealed class RecordedProviderTokenTests
{
    [Fact]
    public async Task EachNewTokenIsMaskedAndTheOneBeforeItStaysMasked()
    {
        var secrets = new KnownSecrets([]);
        var inner = new SequenceProvider("q7Zx1-first-issued", "q7Zx2-second-issued", "q7Zx3-third-issued");
        var recording = new RecordingTokenProvider(inner, secrets);

        var first = await recording.GetTokenAsync();
        var again = await recording.GetTokenAsync();
        var second = await recording.RefreshTokenAsync(first);
        var maskedAfterSecond = SecretRedactor.Redact($"rejected {first.Value} and {second.Value}", secrets);
        var third = await recording.RefreshTokenAsync(second);

        Assert.Same(first, again);
        Assert.Equal("rejected *** and ***", maskedAfterSecond);
        Assert.Equal($"old {first.Value}, live ***, before ***", SecretRedactor.Redact($"old {first.Value}, live {third.Value}, before {second.Value}", secrets));
    }

    [Fact]
    public async Task AProviderThatHandsOutNoTokenIsNamed()
    {
        var recording = new RecordingTokenProvider(new NullProvider(), new KnownSecrets([]));

        var fromGet = await Assert.ThrowsAsync<InvalidOperationException>(() => recording.GetTokenAsync().AsTask());
        var fromRefresh = await Assert.ThrowsAsync<InvalidOperationException>(() => recording.RefreshTokenAsync(new AccessToken("x")).AsTask());

        Assert.Equal("The token provider NullProvider returned no token.", fromGet.Message);
        Assert.Equal(fromGet.Message, fromRefresh.Message);
        Assert.Equal("RecordingTokenProvider(***)", recording.ToString());
    }

    [Fact]
    public void AnAccessTokenShowsItsExpiryButNeverItsValue()
    {
        var expires = new DateTimeOffset(2026, 7, 3, 10, 30, 0, TimeSpan.Zero);

        Assert.Equal("AccessToken(***, expires 2026-07-03T10:30:00.0000000+00:00)", new AccessToken("secret-value", expires).ToString());
        Assert.Equal("AccessToken(***)", new AccessToken("secret-value").ToString());
        Assert.Equal(expires, new AccessToken("secret-value", expires).ExpiresOn);
        Assert.ThrowsAny<ArgumentException>(() => new AccessToken(" "));
    }

    private sealed class SequenceProvider(params string[] values) : ITokenProvider
    {
        private int _next;
        private AccessToken? _current;

        public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_current ??= Next());

        public ValueTask<AccessToken> RefreshTokenAsync(AccessToken rejected, CancellationToken cancellationToken = default) => ValueTask.FromResult(_current = Next());

        private AccessToken Next() => new(values[_next++]);
    }

    private sealed class NullProvider : ITokenProvider
    {
        public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<AccessToken>(null!);

        public ValueTask<AccessToken> RefreshTokenAsync(AccessToken rejected, CancellationToken cancellationToken = default) => ValueTask.FromResult<AccessToken>(null!);
    }
}
