namespace UserGroupClient.Authentication;

/// <summary>
/// Base for providers that acquire tokens from a server (a login, an OAuth exchange). It caches the token, renews it
/// <see cref="RefreshMargin"/> before it expires, renews it once when the server rejects it, and never runs two
/// acquisitions at once: concurrent callers wait for the one in flight and share its result.
/// </summary>
public abstract class CachingTokenProvider : ITokenProvider, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Cached? _cached;

    /// <summary>Creates the provider.</summary>
    /// <param name="timeProvider">The clock that decides expiry; <see langword="null"/> for the system clock.</param>
    /// <param name="refreshMargin">How long before expiry to renew; default 5 minutes, and never more than half the token's lifetime.</param>
    protected CachingTokenProvider(TimeProvider? timeProvider = null, TimeSpan? refreshMargin = null)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
        RefreshMargin = refreshMargin ?? TimeSpan.FromMinutes(5);
        ArgumentOutOfRangeException.ThrowIfLessThan(RefreshMargin, TimeSpan.Zero, nameof(refreshMargin));
    }

    /// <summary>The clock that decides expiry.</summary>
    protected TimeProvider TimeProvider { get; }

    /// <summary>How long before expiry the token is renewed.</summary>
    public TimeSpan RefreshMargin { get; }

    /// <inheritdoc />
    public async ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        var cached = Volatile.Read(ref _cached);
        if (cached is not null && TimeProvider.GetUtcNow() < cached.RenewAt)
        {
            return cached.Token;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            cached = _cached;
            var now = TimeProvider.GetUtcNow();
            if (cached is not null && now < cached.RenewAt)
            {
                return cached.Token;
            }

            try
            {
                return await AcquireAndStoreAsync(cached?.Token, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (cached is not null && cached.Token.ExpiresOn is { } expires && now < expires && !cancellationToken.IsCancellationRequested)
            {
                // Renewal runs early; while the old token is still valid a failed renewal is retried on the next call.
                return cached.Token;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<AccessToken> RefreshTokenAsync(AccessToken rejected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var cached = _cached;
            if (cached is not null && !ReferenceEquals(cached.Token, rejected) && TimeProvider.GetUtcNow() < cached.RenewAt)
            {
                // Another caller already replaced the rejected token.
                return cached.Token;
            }

            return await AcquireAndStoreAsync(cached?.Token, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the cached token, so the next call acquires a new one.</summary>
    public void Reset() => Volatile.Write(ref _cached, null);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        // Stryker disable once Statement : no type here or in the SDK has a finalizer, so there is none to suppress
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Gets a new token from the server. <paramref name="previous"/> is the token being replaced (its refresh
    /// credentials may be used), or <see langword="null"/> on the first call. Never called concurrently.
    /// </summary>
    protected abstract Task<AccessToken> AcquireTokenAsync(AccessToken? previous, CancellationToken cancellationToken);

    /// <summary>Releases the gate.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }
    }

    private async Task<AccessToken> AcquireAndStoreAsync(AccessToken? previous, CancellationToken cancellationToken)
    {
        var acquiredAt = TimeProvider.GetUtcNow();
        var token = await AcquireTokenAsync(previous, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _cached, new Cached(token, RenewAt(token, acquiredAt)));
        return token;
    }

    private DateTimeOffset RenewAt(AccessToken token, DateTimeOffset acquiredAt)
    {
        if (token.ExpiresOn is not { } expires)
        {
            return DateTimeOffset.MaxValue;
        }

        var halfLife = (expires - acquiredAt) / 2;
        // Stryker disable once Equality : when half the lifetime equals the margin, either one is the same span
        var margin = halfLife < RefreshMargin ? halfLife : RefreshMargin;
        // A negative margin comes only from a token already expired when acquired: halfway between its expiry and the
        // acquisition is still before the acquisition, so such a token is renewed on the next call.
        return expires - margin;
    }

    private sealed record Cached(AccessToken Token, DateTimeOffset RenewAt);
}
