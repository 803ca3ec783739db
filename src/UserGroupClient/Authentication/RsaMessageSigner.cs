using System.Security.Cryptography;

namespace UserGroupClient.Authentication;

/// <summary>
/// <c>rsa-pss-sha512</c> (RSASSA-PSS, SHA-512, MGF1 with SHA-512, 64-byte salt: the BCL's PSS uses the hash length) or
/// <c>rsa-v1_5-sha256</c> (RSASSA-PKCS1-v1_5 with SHA-256).
/// </summary>
internal sealed class RsaMessageSigner(RSA key, bool ownsKey, RsaMessageScheme scheme)
    : HttpMessageSigner(scheme.Algorithm, (key.KeySize + 7) / 8)
{
    public override bool TrySign(ReadOnlySpan<byte> signatureBase, Span<byte> destination, out int bytesWritten) =>
        key.TrySignData(signatureBase, destination, scheme.Hash, scheme.Padding, out bytesWritten);

    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsKey)
        {
            key.Dispose();
        }

        // Stryker disable once Statement : the base Dispose(bool) releases nothing
        base.Dispose(disposing);
    }
}
