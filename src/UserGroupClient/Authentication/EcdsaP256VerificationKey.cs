using System.Security.Cryptography;

namespace UserGroupClient.Authentication;

/// <summary>Checks <c>ecdsa-p256-sha256</c> signatures (raw <c>r‖s</c>).</summary>
internal sealed class EcdsaP256VerificationKey(ECDsa key, bool ownsKey) : HttpMessageVerificationKey("ecdsa-p256-sha256")
{
    public override bool Verify(ReadOnlySpan<byte> signatureBase, ReadOnlySpan<byte> signature) =>
        key.VerifyData(signatureBase, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

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
