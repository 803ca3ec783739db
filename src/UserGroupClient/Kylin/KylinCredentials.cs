using UserGroupClient.Authentication;
using UserGroupClient.Http;

namespace UserGroupClient.Kylin;

/// <summary>
/// How a <see cref="KylinClient"/> authenticates: HTTP Basic, which every Kylin flavor reads on each call, or bearer
/// tokens from a provider of yours for a Kylin behind a gateway that takes them. Kylin itself takes no bearer token and
/// no HTTP signature, so there is no signer factory here. Their <c>ToString()</c> never shows a secret.
/// </summary>
public abstract class KylinCredentials
{
    private protected KylinCredentials()
    {
    }

    /// <summary>
    /// A user name and password sent as <c>Authorization: Basic …</c> on every request, without waiting for a challenge
    /// (Kylin sends no <c>WWW-Authenticate</c>). A refused login is never retried: three wrong passwords in a row lock
    /// the account for 30 seconds.
    /// </summary>
    /// <param name="userName">The Kylin user, e.g. <c>ADMIN</c>; it cannot contain <c>:</c>.</param>
    /// <param name="password">The password.</param>
    /// <exception cref="ArgumentException">The user name is empty or holds a colon, or the password is <see langword="null"/>.</exception>
    public static KylinCredentials Basic(string userName, string password) => new KylinBasicCredentials(userName, password);

    /// <summary>
    /// Bearer tokens from your own provider, sent as <c>Authorization: Bearer …</c>, for a Kylin that sits behind a
    /// gateway (an API gateway or an OAuth2 proxy) which takes the token and signs in to Kylin itself: a Kylin server
    /// reached directly answers 401 to a bearer token, which fails the call with
    /// <see cref="UserGroupAuthenticationException"/>. The provider is asked on every request, so it caches (derive from
    /// <see cref="CachingTokenProvider"/> for that); when the answer is 401 its <see cref="ITokenProvider.RefreshTokenAsync"/>
    /// is asked once and the request resent with the new token. Every token it hands out is masked in exception messages
    /// and logs like any configured secret. Name the server's <see cref="KylinClientOptions.Flavor"/>: detecting it
    /// (<see cref="KylinFlavor.Auto"/>) reads the answers Kylin gives to a request without credentials, which a gateway
    /// answers itself. With these credentials the client does not know the Kylin user it acts as,
    /// so a change to that user's own memberships, which Kylin 5 and Kyligence Enterprise 4.x forbid, is refused by the
    /// server rather than before sending.
    /// </summary>
    /// <param name="tokens">Where tokens come from; shared by every request of the client.</param>
    public static KylinCredentials Bearer(ITokenProvider tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return new KylinTokenProviderCredentials(tokens);
    }

    /// <summary>The secret values these credentials hold, to be masked in any error text that echoes them.</summary>
    internal abstract IEnumerable<string> Secrets { get; }

    /// <summary>Returns a maker of authentication handlers, one per handler chain.</summary>
    /// <param name="secrets">The client's secrets, which tokens learnt on the way join.</param>
    internal abstract Func<DelegatingHandler> CreateHandlerFactory(KnownSecrets secrets);
}
