using NSec.Cryptography;

namespace UserGroupClient.Authentication;

/// <summary>Checks <c>ed25519</c> signatures through NSec.</summary>
internal sealed class Ed25519VerificationKey(PublicKey key) : HttpMessageVerificationKey("ed25519")
{
    public override bool Verify(ReadOnlySpan<byte> signatureBase, ReadOnlySpan<byte> signature) =>
        SignatureAlgorithm.Ed25519.Verify(key, signatureBase, signature);
}
