using System.Security.Cryptography;

namespace UserGroupClient.Authentication;

/// <summary>The two RSA algorithms of RFC 9421 §3.3: their names, hashes and paddings.</summary>
internal sealed record RsaMessageScheme(string Algorithm, HashAlgorithmName Hash, RSASignaturePadding Padding)
{
    /// <summary><c>rsa-pss-sha512</c> (RFC 9421 §3.3.1).</summary>
    public static RsaMessageScheme PssSha512 { get; } = new("rsa-pss-sha512", HashAlgorithmName.SHA512, RSASignaturePadding.Pss);

    /// <summary><c>rsa-v1_5-sha256</c> (RFC 9421 §3.3.2).</summary>
    public static RsaMessageScheme Pkcs1Sha256 { get; } = new("rsa-v1_5-sha256", HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
}
