using UserGroupClient.Authentication;

namespace UserGroupClient.JumpServer;

/// <summary>
/// How a <see cref="JumpServerClient"/> authenticates: an Access Key (draft-cavage HTTP signature, with its secret or a
/// signer of yours), a Bearer token or a token provider of yours, a private token, or a user name and password
/// exchanged for a Bearer token. Their <c>ToString()</c> never shows a secret.
/// </summary>
public abstract class JumpServerCredentials
{
    private protected JumpServerCredentials()
    {
    }

    /// <summary>
    /// An Access Key: every request is signed (draft-cavage, <c>hmac-sha256</c>) over
    /// <c>(request-target) accept date x-jms-org</c> by default, the way JumpServer verifies it: the method, the path
    /// with its query, and the organization are covered.
    /// </summary>
    /// <remarks>
    /// <para><b>The body is not covered.</b> JumpServer's verifier checks no digest of the body, so a request captured on
    /// the way can be sent again with another body and still verify; signing a <c>Digest</c> header would prove nothing
    /// to it. Nor does the server check the <c>Date</c>: a captured request stays valid. Use https (plain http to a host
    /// other than this machine is refused unless <see cref="JumpServerClientOptions.AllowAccessKeyOverPlainHttp"/> is set).</para>
    /// </remarks>
    /// <param name="keyId">The Access Key id (a UUID).</param>
    /// <param name="secret">The Access Key secret.</param>
    /// <param name="signedHeaders">
    /// The signed headers, in order; must include <c>(request-target)</c> and <c>date</c>, lower-case. <c>content-type</c>
    /// and <c>content-length</c> are refused: JumpServer's verifier cannot read them and answers 500. A list without
    /// <c>x-jms-org</c> leaves the organization open to change in a replayed request.
    /// </param>
    /// <exception cref="ArgumentException">An argument would make every request fail.</exception>
    public static JumpServerCredentials AccessKey(string keyId, string secret, IEnumerable<string>? signedHeaders = null) =>
        new JumpServerAccessKeyCredentials(nameof(AccessKey), keyId, HmacSha256SignatureSigner.FromAsciiSecret(secret), [secret], signedHeaders);

    /// <summary>
    /// An Access Key whose signatures come from <paramref name="signer"/>: a secret kept elsewhere (a key vault, an HSM)
    /// that computes the HMAC itself. Requests are signed as <see cref="AccessKey(string, string, IEnumerable{string}?)"/>
    /// signs them (same headers, same rules, same risks), with the signer's algorithm.
    /// </summary>
    /// <remarks>
    /// JumpServer verifies an Access Key with its secret, so only HMAC signers work: <c>hmac-sha256</c> (what
    /// <see cref="HttpMessageSigners.HmacSha256"/> gives for the secret's ASCII bytes), or a signer of your own named
    /// <c>hmac-sha512</c> or <c>hmac-sha1</c>. Any other algorithm is refused here, since the server answers it with 500.
    /// The client does not dispose the signer.
    /// </remarks>
    /// <param name="keyId">The Access Key id (a UUID).</param>
    /// <param name="signer">Computes the signature over the draft-cavage signing string.</param>
    /// <param name="signedHeaders">As for <see cref="AccessKey(string, string, IEnumerable{string}?)"/>.</param>
    /// <exception cref="ArgumentException">The key id is not a UUID, the signer's algorithm is not one JumpServer verifies, or the headers would make every request fail.</exception>
    public static JumpServerCredentials Signature(string keyId, HttpMessageSigner signer, IEnumerable<string>? signedHeaders = null) =>
        new JumpServerAccessKeyCredentials(nameof(Signature), keyId, signer, [], signedHeaders);

    /// <summary>A Bearer token (from <c>/api/v1/authentication/auth/</c>), sent as <c>Authorization: Bearer …</c>.</summary>
    public static JumpServerCredentials Bearer(string token) => new JumpServerTokenCredentials("Bearer", token);

    /// <summary>
    /// Bearer tokens from your own provider (an identity platform, a token the application already manages), sent as
    /// <c>Authorization: Bearer …</c> and asked for on every request, so the provider caches them (derive from
    /// <see cref="CachingTokenProvider"/> for that). When the server answers 401, the provider's
    /// <see cref="ITokenProvider.RefreshTokenAsync"/> is asked once and the request resent with the new token. Every
    /// token it hands out is masked in exception messages and logs like any configured secret.
    /// </summary>
    /// <param name="tokens">Where tokens come from; shared by every request of the client.</param>
    public static JumpServerCredentials Bearer(ITokenProvider tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return new JumpServerTokenProviderCredentials(tokens);
    }

    /// <summary>A private token, sent as <c>Authorization: Token …</c> (the English docs' <c>PrivateToken</c> keyword is wrong).</summary>
    public static JumpServerCredentials PrivateToken(string token) => new JumpServerTokenCredentials("Token", token);

    /// <summary>
    /// A user name and password: the client logs in at <c>/api/v1/authentication/auth/</c>, caches the Bearer token
    /// until shortly before its <c>date_expired</c>, and logs in again when it expires or is rejected. A user that needs
    /// MFA cannot log in this way: the call fails with <see cref="UserGroupAuthenticationException"/> saying so.
    /// </summary>
    public static JumpServerCredentials Password(string userName, string password) => new JumpServerPasswordCredentials(userName, password);

    /// <summary>The secret values these credentials hold, to be masked in any error text that echoes them.</summary>
    internal abstract IEnumerable<string> Secrets { get; }

    /// <summary>
    /// Returns a maker of authentication handlers: each handler chain needs its own instance (dependency injection
    /// rebuilds chains), while tokens are acquired and cached once for all of them.
    /// </summary>
    internal abstract Func<DelegatingHandler> CreateHandlerFactory(JumpServerAuthenticationContext context);
}
