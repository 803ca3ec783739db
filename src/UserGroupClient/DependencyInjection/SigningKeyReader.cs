using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using UserGroupClient.Authentication;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Reads a signing key from configuration: <c>Algorithm</c> (default <c>hmac-sha256</c>) and exactly one of
/// <c>PrivateKeyPem</c> (PEM text: an HMAC key's <c>SECRET KEY</c> block, a private key for the other algorithms) and
/// <c>PrivateKeyBase64</c> (an HMAC key's raw bytes, an Ed25519 key's 32-byte seed, or the DER of a PKCS#8 private key
/// for the other algorithms), from a file or the environment alike. What cannot be
/// used fails naming its full key, never quoting the value.
/// </summary>
internal static class SigningKeyReader
{
    /// <summary>The algorithms a configured signing key can be for; the first is the default.</summary>
    private static readonly string[] Algorithms = ["hmac-sha256", "ed25519", "ecdsa-p256-sha256", "rsa-pss-sha512", "rsa-v1_5-sha256"];

    /// <summary>The signer of the key in <paramref name="section"/>; <paramref name="secrets"/> receives the key text.</summary>
    /// <param name="section">The section holding <c>Algorithm</c> and the key.</param>
    /// <param name="requiredFor">What the key is required for, appended to the message of a missing key (" for …", or empty).</param>
    /// <param name="error">Makes the exception of a message, with the reader's prefix.</param>
    /// <param name="secrets">Receives the key text, for masking.</param>
    /// <exception cref="ArgumentException">The algorithm is unknown, or the key is missing, given twice, or not a key of that algorithm.</exception>
    public static HttpMessageSigner Read(IConfigurationSection section, string requiredFor, Func<string, ArgumentException> error, ICollection<string> secrets)
    {
        var algorithm = Optional(section, "Algorithm") ?? Algorithms[0];
        if (!Algorithms.Contains(algorithm, StringComparer.Ordinal))
        {
            throw error($"{Path(section, "Algorithm")} is not one of {string.Join(", ", Algorithms)}.");
        }

        var pem = Optional(section, "PrivateKeyPem");
        var base64 = Optional(section, "PrivateKeyBase64");
        if ((pem is null) == (base64 is null))
        {
            throw error($"Exactly one of {Path(section, "PrivateKeyPem")} and {Path(section, "PrivateKeyBase64")} is required{requiredFor}.");
        }

        var key = pem is null ? "PrivateKeyBase64" : "PrivateKeyPem";
        // Stryker disable once NullCoalescing : exactly one of pem and base64 is set (refused above otherwise), so either order of ?? gives that one
        secrets.Add((pem ?? base64)!);
        try
        {
            if (pem is null)
            {
                var bytes = Convert.FromBase64String(base64!);
                return algorithm switch
                {
                    "hmac-sha256" => HttpMessageSigners.HmacSha256(bytes),
                    "ed25519" => HttpMessageSigners.Ed25519(bytes),
                    _ => FromPem(algorithm, PemEncoding.WriteString("PRIVATE KEY", bytes)),
                };
            }

            return FromPem(algorithm, pem);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or CryptographicException)
        {
            // Not chained: the key parsers' messages are written not to quote the key, but nothing here relies on it.
            throw error($"{Path(section, key)} is not a valid {algorithm} {(algorithm == "hmac-sha256" ? "shared secret" : "private key")}.");
        }
    }

    private static string? Optional(IConfigurationSection section, string name) => section[name] is { Length: > 0 } value ? value : null;

    private static string Path(IConfigurationSection section, string name) => $"{section.Path}:{name}";

    private static HttpMessageSigner FromPem(string algorithm, string pem) => algorithm switch
    {
        "hmac-sha256" => HttpMessageSigners.HmacSha256FromPem(pem),
        "ed25519" => HttpMessageSigners.Ed25519FromPem(pem),
        "ecdsa-p256-sha256" => HttpMessageSigners.EcdsaP256Sha256FromPem(pem),
        "rsa-pss-sha512" => HttpMessageSigners.RsaPssSha512FromPem(pem),
        _ => HttpMessageSigners.RsaV15Sha256FromPem(pem),
    };
}
