using System.Security.Cryptography;
using System.Text;

namespace UserGroupClient.Authentication;

/// <summary>HMAC-SHA256 signatures (<c>hmac-sha256</c>). The key never appears in <see cref="ToString"/>.</summary>
public sealed class HmacSha256SignatureSigner : IHttpSignatureSigner
{
    private readonly byte[] _key;

    // A keyed HMAC kept between signatures: resetting it costs half of a one-shot HMAC, which sets the key up again
    // every time. One signature at a time takes it; a concurrent one signs one-shot rather than wait or allocate.
    private IncrementalHash? _idle;

    /// <summary>Creates a signer whose key is the raw bytes given.</summary>
    public HmacSha256SignatureSigner(ReadOnlySpan<byte> key)
    {
        if (key.IsEmpty)
        {
            throw new ArgumentException("The HMAC key must not be empty.", nameof(key));
        }

        _key = key.ToArray();
        _idle = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
    }

    /// <summary>Creates a signer whose key is the ASCII bytes of <paramref name="secret"/> (JumpServer Access Key secrets).</summary>
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
    public string Algorithm => "hmac-sha256";

    /// <inheritdoc />
    public byte[] Sign(ReadOnlySpan<byte> signingString)
    {
        var signature = new byte[HMACSHA256.HashSizeInBytes];
        TrySign(signingString, signature, out _);
        return signature;
    }

    /// <inheritdoc />
    public bool TrySign(ReadOnlySpan<byte> signingString, Span<byte> destination, out int bytesWritten)
    {
        if (destination.Length < HMACSHA256.HashSizeInBytes)
        {
            bytesWritten = 0;
            return false;
        }

        var hmac = Interlocked.Exchange(ref _idle, null);
        if (hmac is null)
        {
            return HMACSHA256.TryHashData(_key, signingString, destination, out bytesWritten);
        }

        hmac.AppendData(signingString);
        bytesWritten = hmac.GetHashAndReset(destination);
        Volatile.Write(ref _idle, hmac);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => "HmacSha256SignatureSigner(***)";
}
