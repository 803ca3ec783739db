using System.Security.Cryptography;
using System.Text;

namespace UserGroupClient.Authentication;

/// <summary>HMAC-SHA256 signatures (<c>hmac-sha256</c>). The key never appears in <see cref="ToString"/>.</summary>
public sealed class HmacSha256SignatureSigner : IHttpSignatureSigner
{
    private readonly byte[] _key;

    /// <summary>Creates a signer whose key is the raw bytes given.</summary>
    public HmacSha256SignatureSigner(ReadOnlySpan<byte> key)
    {
        if (key.IsEmpty)
        {
            throw new ArgumentException("The HMAC key must not be empty.", nameof(key));
        }

        _key = key.ToArray();
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
    public byte[] Sign(ReadOnlySpan<byte> signingString) => HMACSHA256.HashData(_key, signingString);

    /// <inheritdoc />
    public bool TrySign(ReadOnlySpan<byte> signingString, Span<byte> destination, out int bytesWritten) =>
        HMACSHA256.TryHashData(_key, signingString, destination, out bytesWritten);

    /// <inheritdoc />
    public override string ToString() => "HmacSha256SignatureSigner(***)";
}
