using UserGroupClient.Authentication;

namespace UserGroupClient.MinApp;

/// <summary>
/// How a <see cref="MinAppClient"/> authenticates: OAuth client credentials exchanged for a cached Bearer token, a
/// fixed access token, or access tokens from a provider of yours. Their <c>ToString()</c> never shows a secret.
/// </summary>
public abstract class MinAppCredentials
{
    private protected MinAppCredentials()
    {
    }

    /// <summary>
    /// The client id and secret of the MinApp console: the client runs the authorize step (following its two 302
    /// redirects with a cookie container private to that step) and exchanges the code for an access token, caches it
    /// until shortly before <c>expires_in</c>, renews it with the refresh token, and authorizes afresh when the
    /// refresh is refused. A 401 from the API renews the token once and resends the request once.
    /// </summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="clientSecret">The client secret.</param>
    /// <exception cref="ArgumentException">An argument is blank.</exception>
    public static MinAppCredentials ClientCredentials(string clientId, string clientSecret) => new MinAppClientCredentials(clientId, clientSecret);

    /// <summary>A fixed access token, sent as <c>Authorization: Bearer …</c>; a 401 is final.</summary>
    /// <param name="token">The access token.</param>
    /// <exception cref="ArgumentException">The token is blank or contains whitespace or control characters.</exception>
    public static MinAppCredentials AccessToken(string token) => new MinAppAccessTokenCredentials(token);

    /// <summary>
    /// Access tokens from your own provider (tokens your application obtains and renews itself), sent as
    /// <c>Authorization: Bearer …</c> and asked for on every request, so the provider caches them (derive from
    /// <see cref="CachingTokenProvider"/> for that). When the server answers 401, the provider's
    /// <see cref="ITokenProvider.RefreshTokenAsync"/> is asked once and the request resent with the new token. Every
    /// token it hands out is masked in exception messages and logs like any configured secret.
    /// </summary>
    /// <param name="tokens">Where tokens come from; shared by every request of the client.</param>
    public static MinAppCredentials AccessToken(ITokenProvider tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return new MinAppTokenProviderCredentials(tokens);
    }

    /// <summary>The secret values these credentials hold, to be masked in any error text that echoes them.</summary>
    internal abstract IEnumerable<string> Secrets { get; }

    /// <summary>Returns a maker of authentication handlers, one per handler chain, sharing one token cache.</summary>
    internal abstract Func<DelegatingHandler> CreateHandlerFactory(MinAppAuthenticationContext context);
}
