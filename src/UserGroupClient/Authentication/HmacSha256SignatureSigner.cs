using System.Security.Cryptography;
using System.Text;

namespace UserGroupClient.Authentication;

/// <summary>
/// <c>hmac-sha256</c> with the BCL, which takes keys of any length (NSec's HMAC takes 32-byte keys only; JumpServer
/// Access Key secrets have 36 bytes and RFC 9421's example key 64). Signs for both
/// <see cref="HttpMessageSignatureHandler"/> and <see cref="HttpSignatureHandler"/>. The key never appears in
/// <see cref="HttpMessageSigner.ToString"/>.
/// </summary>
internal sealed class HmacSha256SignatureSigner : HttpMessageSigner
{
    private readonly byte[] _key;

    // A keyed HMAC kept between signatures: resetting it costs half of a one-shot HMAC, which sets the key up again
    // every time. One signature at a time takes it; a concurrent one signs one-shot rather than wait or allocate.
    private IncrementalHash? _idle;

    /// <summary>Creates a signer whose key is the raw bytes given (decode a Base64 secret first), copied.</summary>
    /// <exception cref="ArgumentException">The key is empty.</exception>
    public HmacSha256SignatureSigner(ReadOnlySpan<byte> key)
        : base("hmac-sha256", HMACSHA256.HashSizeInBytes)
    {
        if (key.IsEmpty)
        {
            throw new ArgumentException("The HMAC key must not be empty.", nameof(key));
        }

        _key = key.ToArray();
        _idle = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
    }

    /// <summary>Creates a signer whose key is the ASCII bytes of <paramref name="secret"/> (JumpServer Access Key secrets).</summary>
    /// <exception cref="ArgumentException">The secret is empty or not ASCII.</exception>
    public static HmacSha256SignatureSigner FromAsciiSecret(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (!Ascii.IsValid(secret))
        {
            throw new ArgumentException("The secret must be ASCII.", nameof(secret));
        }

        return new HmacSha256SignatureSigner(Encoding.ASCII.GetBytes(secret));
    }

    /// <inheritdoc />
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
        // Stryker disable once Statement : without the kept HMAC the next signature is made one-shot, with the same bytes
        Volatile.Write(ref _idle, hmac);
        return true;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Interlocked.Exchange(ref _idle, null)?.Dispose();
            CryptographicOperations.ZeroMemory(_key);
        }

        // Stryker disable once Statement : the base Dispose(bool) releases nothing
        base.Dispose(disposing);
    }
}
