using System.Security.Cryptography;

namespace UserGroupClient.Authentication;

/// <summary>
/// <c>hmac-sha256</c> with the BCL, which takes keys of any length (NSec's HMAC takes 32-byte keys only, and the RFC's
/// own example key has 64).
/// </summary>
internal sealed class HmacSha256MessageSigner : HttpMessageSigner
{
    private readonly byte[] _key;

    // A keyed HMAC kept between signatures: resetting it costs half of a one-shot HMAC, which sets the key up again
    // every time. One signature at a time takes it; a concurrent one signs one-shot rather than wait or allocate.
    private IncrementalHash? _idle;

    public HmacSha256MessageSigner(byte[] key)
        : base("hmac-sha256", HMACSHA256.HashSizeInBytes)
    {
        _key = key;
        _idle = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
    }

    public override bool TrySign(ReadOnlySpan<byte> signatureBase, Span<byte> destination, out int bytesWritten)
    {
        if (destination.Length < HMACSHA256.HashSizeInBytes)
        {
            bytesWritten = 0;
            return false;
        }

        var hmac = Interlocked.Exchange(ref _idle, null);
        if (hmac is null)
        {
            bytesWritten = HMACSHA256.HashData(_key, signatureBase, destination);
            return true;
        }

        hmac.AppendData(signatureBase);
        bytesWritten = hmac.GetHashAndReset(destination);
        Volatile.Write(ref _idle, hmac);
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Interlocked.Exchange(ref _idle, null)?.Dispose();
            CryptographicOperations.ZeroMemory(_key);
        }

        base.Dispose(disposing);
    }
}
