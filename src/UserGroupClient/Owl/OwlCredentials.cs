using UserGroupClient.Authentication;

namespace UserGroupClient.Owl;

/// <summary>
/// How an <see cref="OwlClient"/> authenticates: a user name and password exchanged for a JWT at <c>/api/v1/login</c>,
/// or JWTs obtained elsewhere (one fixed token, or a provider of yours). Both are sent as <c>Authorization: Bearer …</c>. <c>ToString()</c> never shows a secret.
/// </summary>
public abstract class OwlCredentials
{
    private protected OwlCredentials()
    {
    }

    /// <summary>
    /// A user name and password: the client logs in at <c>POST /api/v1/login</c>, caches the JWT until shortly before its
    /// <c>expire</c>, renews it through <c>GET /api/v1/refresh_token</c>, and logs in afresh when the renewal is refused
    /// (Owl ends a session seven days after login) or the server rejects the token.
    /// </summary>
    /// <param name="userName">The login name.</param>
    /// <param name="password">The password in plain text (the server compares its MD5 with the stored one).</param>
    /// <exception cref="ArgumentException">The user name is blank or the password empty.</exception>
    public static OwlCredentials Password(string userName, string password) => new OwlPasswordCredentials(userName, password);

    /// <summary>A JWT issued by the server; it is not renewed, so a rejection surfaces as <see cref="UserGroupAuthenticationException"/>.</summary>
    /// <param name="jwt">The token.</param>
    /// <exception cref="ArgumentException">The token is blank or holds whitespace or control characters.</exception>
    public static OwlCredentials Token(string jwt) => new OwlTokenCredentials(jwt);

    /// <summary>
    /// JWTs from your own provider (obtained and renewed by your application), sent as <c>Authorization: Bearer …</c>
    /// and asked for on every request, so the provider caches them (derive from <see cref="CachingTokenProvider"/> for
    /// that). When the server rejects one, the provider's <see cref="ITokenProvider.RefreshTokenAsync"/> is asked once
    /// and the request resent with the new token. Every token it hands out is masked in exception messages and logs
    /// like any configured secret.
    /// </summary>
    /// <param name="tokens">Where tokens come from; shared by every request of the client.</param>
    public static OwlCredentials Token(ITokenProvider tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return new OwlTokenProviderCredentials(tokens);
    }

    /// <summary>The secret values these credentials hold, to be masked in any error text that echoes them.</summary>
    internal abstract IEnumerable<string> Secrets { get; }

    /// <summary>Returns a maker of authentication handlers, one per handler chain, sharing one token cache.</summary>
    internal abstract Func<DelegatingHandler> CreateHandlerFactory(OwlAuthenticationContext context);
}
