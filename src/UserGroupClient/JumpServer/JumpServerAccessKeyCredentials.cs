using UserGroupClient.Authentication;

namespace UserGroupClient.JumpServer;

/// <summary>An Access Key: draft-cavage signatures (HMAC) over the headers JumpServer's verifier accepts.</summary>
internal sealed class JumpServerAccessKeyCredentials : JumpServerCredentials
{
    // x-jms-org picks the organization a request acts in; unsigned, a captured request could be replayed into another
    // one. Every version's verifier finds it (Django's HTTP_X_JMS_ORG maps back to x-jms-org), and every SDK request
    // sends it. The body has no cover the server checks: see docs/wire/jumpserver.md §6.3.
    private static readonly string[] DefaultSignedHeaders = ["(request-target)", "accept", "date", "x-jms-org"];

    // The algorithms JumpServer's verifier knows and can run with an Access Key, which holds a secret and no public
    // key; any other name is answered 500 (docs/wire/jumpserver.md §6.3).
    private static readonly string[] ServerAlgorithms = ["hmac-sha256", "hmac-sha512", "hmac-sha1"];

    private readonly string _factory;
    private readonly string _keyId;
    private readonly HttpMessageSigner _signer;
    private readonly string[] _secrets;
    private readonly IReadOnlyList<string> _signedHeaders;

    /// <param name="factory">The factory that made these credentials, for <see cref="ToString"/>.</param>
    /// <param name="keyId">The Access Key id.</param>
    /// <param name="signer">Signs; its draft-cavage algorithm name must be one JumpServer verifies.</param>
    /// <param name="secrets">The key material given as text (a secret, a Base64 or PEM key), masked in error text.</param>
    /// <param name="signedHeaders">The signed headers, or <see langword="null"/> for the default.</param>
    public JumpServerAccessKeyCredentials(string factory, string keyId, HttpMessageSigner signer, IEnumerable<string> secrets, IEnumerable<string>? signedHeaders)
    {
        // The server looks the key up as a UUID; anything else makes it answer 500.
        if (!Guid.TryParseExact(keyId, "D", out _))
        {
            throw new ArgumentException("A JumpServer Access Key id is a UUID such as 2a5b0e9c-1111-4222-8333-944455556666.", nameof(keyId));
        }

        ArgumentNullException.ThrowIfNull(signer);
        var algorithm = DraftCavageSignature.AlgorithmOf(signer);
        if (!ServerAlgorithms.Contains(algorithm))
        {
            throw new ArgumentException(
                $"JumpServer verifies Access Key signatures with {string.Join(", ", ServerAlgorithms)} only; a {signer.Algorithm} signer would send algorithm \"{algorithm}\", which it answers with 500.",
                nameof(signer));
        }

        _factory = factory;
        _keyId = keyId;
        _signer = signer;
        _secrets = [.. secrets];
        _signedHeaders = signedHeaders?.ToArray() ?? DefaultSignedHeaders;
        if (!_signedHeaders.Contains(DraftCavageSignature.RequestTarget) || !_signedHeaders.Contains("date"))
        {
            throw new ArgumentException("JumpServer requires '(request-target)' and 'date' among the signed headers.", nameof(signedHeaders));
        }

        if (_signedHeaders.Contains("content-type") || _signedHeaders.Contains("content-length"))
        {
            throw new ArgumentException("JumpServer cannot verify signatures over 'content-type' or 'content-length' (it answers 500).", nameof(signedHeaders));
        }

        if (_signedHeaders.Contains(DraftCavageSignature.Created) || _signedHeaders.Contains(DraftCavageSignature.Expires))
        {
            throw new ArgumentException("JumpServer cannot verify '(created)' or '(expires)' (it answers 500).", nameof(signedHeaders));
        }
    }

    internal override IEnumerable<string> Secrets => _secrets;

    internal override Func<DelegatingHandler> CreateHandlerFactory(JumpServerAuthenticationContext context)
    {
        var options = new HttpSignatureOptions
        {
            KeyId = _keyId,
            Signer = _signer,
            Headers = _signedHeaders,
            TimeProvider = context.TimeProvider,
        };
        return () => new HttpSignatureHandler(options);
    }

    /// <inheritdoc />
    public override string ToString() => $"JumpServerCredentials.{_factory}({_keyId}, ***)";
}
