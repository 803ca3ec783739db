using System.Security.Cryptography;

namespace UserGroupClient.Authentication;

/// <summary>Checks <c>hmac-sha256</c> signatures, comparing in constant time.</summary>
internal sealed class HmacSha256VerificationKey(byte[] key) : HttpMessageVerificationKey("hmac-sha256")
{
    public override bool Verify(ReadOnlySpan<byte> signatureBase, ReadOnlySpan<byte> signature)
    {
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, signatureBase, expected);
        return CryptographicOperations.FixedTimeEquals(expected, signature);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CryptographicOperations.ZeroMemory(key);
        }

        // Stryker disable once Statement : the base Dispose(bool) releases nothing
        base.Dispose(disposing);
    }
}
