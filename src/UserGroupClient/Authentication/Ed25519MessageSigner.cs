using NSec.Cryptography;

namespace UserGroupClient.Authentication;

/// <summary><c>ed25519</c> (RFC 8032 pure Ed25519) through NSec; the private key lives in libsodium's memory and cannot be exported.</summary>
internal sealed class Ed25519MessageSigner : HttpMessageSigner
{
    private readonly Key _key;

    public Ed25519MessageSigner(Key key)
        : base("ed25519", SignatureAlgorithm.Ed25519.SignatureSize) => _key = key;

    public override bool TrySign(ReadOnlySpan<byte> signatureBase, Span<byte> destination, out int bytesWritten)
    {
        var size = SignatureAlgorithm.Ed25519.SignatureSize;
        if (destination.Length < size)
        {
            bytesWritten = 0;
            return false;
        }

        SignatureAlgorithm.Ed25519.Sign(_key, signatureBase, destination[..size]);
        bytesWritten = size;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _key.Dispose();
        }

        // Stryker disable once Statement : the base Dispose(bool) releases nothing
        base.Dispose(disposing);
    }
}
