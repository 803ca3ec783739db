using System.Security.Cryptography;

namespace UserGroupClient.Authentication;

/// <summary>Checks <c>rsa-pss-sha512</c> or <c>rsa-v1_5-sha256</c> signatures.</summary>
internal sealed class RsaVerificationKey(RSA key, bool ownsKey, RsaMessageScheme scheme) : HttpMessageVerificationKey(scheme.Algorithm)
{
    public override bool Verify(ReadOnlySpan<byte> signatureBase, ReadOnlySpan<byte> signature) =>
        key.VerifyData(signatureBase, signature, scheme.Hash, scheme.Padding);

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
