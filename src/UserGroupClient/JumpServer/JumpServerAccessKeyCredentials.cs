using UserGroupClient.Authentication;

namespace UserGroupClient.JumpServer;

/// <summary>An Access Key: draft-cavage hmac-sha256 signatures over the headers JumpServer's verifier accepts.</summary>
internal sealed class JumpServerAccessKeyCredentials : JumpServerCredentials
{
    // x-jms-org picks the organization a request acts in; unsigned, a captured request could be replayed into another
    // one. Every version's verifier finds it (Django's HTTP_X_JMS_ORG maps back to x-jms-org), and every SDK request
    // sends it. The body has no cover the server checks: see docs/wire/jumpserver.md §6.3.
    private static readonly string[] DefaultSignedHeaders = ["(request-target)", "accept", "date", "x-jms-org"];

    private readonly string _keyId;
    private readonly string _secret;
    private readonly HmacSha256SignatureSigner _signer;
    private readonly IReadOnlyList<string> _signedHeaders;

    public JumpServerAccessKeyCredentials(string keyId, string secret, IEnumerable<string>? signedHeaders)
    {
        // The server looks the key up as a UUID; anything else makes it answer 500.
        if (!Guid.TryParseExact(keyId, "D", out _))
        {
            throw new ArgumentException("A JumpServer Access Key id is a UUID such as 2a5b0e9c-1111-4222-8333-944455556666.", nameof(keyId));
        }

        _keyId = keyId;
        _secret = secret;
        _signer = HmacSha256SignatureSigner.FromAsciiSecret(secret);
        _signedHeaders = signedHeaders?.ToArray() ?? DefaultSignedHeaders;
        if (!_signedHeaders.Contains(DraftCavageSignature.RequestTarget) || !_signedHeaders.Contains("date"))
        {
            throw new ArgumentException("JumpServer requires '(request-target)' and 'date' among the signed headers.", nameof(signedHeaders));
        }

        if (_signedHeaders.Contains("content-type") || _signedHeaders.Contains("content-length"))
        {
            throw new ArgumentException("JumpServer cannot verify signatures over 'content-type' or 'content-length' (it answers 500).", nameof(signedHeaders));
        }
    }

    internal override IEnumerable<string> Secrets => [_secret];

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
    public override string ToString() => $"JumpServerCredentials.AccessKey({_keyId}, ***)";
}
