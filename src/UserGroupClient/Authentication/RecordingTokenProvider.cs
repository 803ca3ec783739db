using UserGroupClient.Http;

namespace UserGroupClient.Authentication;

/// <summary>
/// Wraps a caller's <see cref="ITokenProvider"/> so that each token it hands out joins the client's
/// <see cref="KnownSecrets"/> (as the live value, the one before kept for requests in flight): the SDK cannot know a
/// custom provider's tokens in advance, yet must mask them wherever a server echoes one.
/// </summary>
internal sealed class RecordingTokenProvider(ITokenProvider inner, KnownSecrets secrets) : ITokenProvider
{
    private AccessToken? _recorded;

    public async ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken = default) =>
        Record(await inner.GetTokenAsync(cancellationToken).ConfigureAwait(false));

    public async ValueTask<AccessToken> RefreshTokenAsync(AccessToken rejected, CancellationToken cancellationToken = default) =>
        Record(await inner.RefreshTokenAsync(rejected, cancellationToken).ConfigureAwait(false));

    private AccessToken Record(AccessToken? token)
    {
        if (token is null)
        {
            throw new InvalidOperationException($"The token provider {inner.GetType().Name} returned no token.");
        }

        // The same token object comes back on most calls; only a new one is worth the lock KnownSecrets takes.
        if (!ReferenceEquals(Volatile.Read(ref _recorded), token))
        {
            // Stryker disable once String : the name only keys this provider's slot among the client's secrets, whose one credential is this provider, so any name masks the same values
            secrets.Renew("token", token.Value);
            // Stryker disable once Statement : only spares the lock: recording the same token again leaves KnownSecrets as it was
            Volatile.Write(ref _recorded, token);
        }

        return token;
    }

    public override string ToString() => "RecordingTokenProvider(***)";
}
