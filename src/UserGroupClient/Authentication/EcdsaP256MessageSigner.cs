using System.Security.Cryptography;

namespace UserGroupClient.Authentication;

/// <summary><c>ecdsa-p256-sha256</c>: ECDSA over P-256 with SHA-256, the signature as raw <c>r‖s</c> (IEEE P1363), not DER.</summary>
internal sealed class EcdsaP256MessageSigner(ECDsa key, bool ownsKey) : HttpMessageSigner("ecdsa-p256-sha256", 64)
{
    public override bool TrySign(ReadOnlySpan<byte> signatureBase, Span<byte> destination, out int bytesWritten) =>
        key.TrySignData(signatureBase, destination, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation, out bytesWritten);

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
