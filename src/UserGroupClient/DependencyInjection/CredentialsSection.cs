using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using UserGroupClient.Authentication;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The <c>Credentials</c> section of one client's configuration, as a credentials factory reads it: required and
/// optional values, and a signing key. A missing or unusable value fails naming its full key, never quoting the value.
/// </summary>
internal sealed class CredentialsSection(IConfigurationSection section, string clientName, string type)
{
    /// <summary>The algorithms a configured signing key can be for, and the default.</summary>
    private static readonly string[] Algorithms = ["hmac-sha256", "ed25519", "ecdsa-p256-sha256", "rsa-pss-sha512", "rsa-v1_5-sha256"];

    /// <summary>The value of <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">It is missing or empty.</exception>
    public string Required(string name) => Optional(name) ?? throw Error($"{Path(name)} is required for credentials of type {type}.");

    /// <summary>The value of <paramref name="name"/>, or <see langword="null"/> when missing or empty.</summary>
    public string? Optional(string name) => section[name] is { Length: > 0 } value ? value : null;

    /// <summary>
    /// The signer of the signing key given by <c>Algorithm</c> (default <c>hmac-sha256</c>) and exactly one of
    /// <c>PrivateKeyPem</c> (PEM text) and <c>PrivateKeyBase64</c>: an HMAC key's raw bytes, an Ed25519 key's 32-byte
    /// seed, or the DER of a PKCS#8 private key for the other algorithms. <paramref name="secrets"/> receives the key text.
    /// </summary>
    /// <exception cref="ArgumentException">The algorithm is unknown, or the key is missing, given twice, or not a key of that algorithm.</exception>
    public HttpMessageSigner Signer(ICollection<string> secrets)
    {
        var algorithm = Optional("Algorithm") ?? Algorithms[0];
        if (!Algorithms.Contains(algorithm, StringComparer.Ordinal))
        {
            throw Error($"{Path("Algorithm")} is not one of {string.Join(", ", Algorithms)}.");
        }

        var pem = Optional("PrivateKeyPem");
        var base64 = Optional("PrivateKeyBase64");
        if ((pem is null) == (base64 is null))
        {
            throw Error($"Exactly one of {Path("PrivateKeyPem")} and {Path("PrivateKeyBase64")} is required for credentials of type {type}.");
        }

        var key = pem is null ? "PrivateKeyBase64" : "PrivateKeyPem";
        // Stryker disable once NullCoalescing : exactly one of pem and base64 is set (refused above otherwise), so either order of ?? gives that one
        secrets.Add((pem ?? base64)!);
        if (algorithm == "hmac-sha256" && pem is not null)
        {
            throw Error($"An hmac-sha256 key is a shared secret, not a private key in PEM: give it as {Path("PrivateKeyBase64")}.");
        }

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
            throw Error($"{Path(key)} is not a valid {algorithm} private key.");
        }
    }

    /// <summary>Runs a credentials factory, so that what it refuses names this section.</summary>
    public T Create<T>(Func<T> factory)
    {
        try
        {
            return factory();
        }
        catch (ArgumentException exception) when (!exception.Message.StartsWith("User-group client ", StringComparison.Ordinal))
        {
            // The factories' messages name parameters and rules, never values.
            throw Error($"{section.Path}: {exception.Message}");
        }
    }

    private static HttpMessageSigner FromPem(string algorithm, string pem) => algorithm switch
    {
        "ed25519" => HttpMessageSigners.Ed25519FromPem(pem),
        "ecdsa-p256-sha256" => HttpMessageSigners.EcdsaP256Sha256FromPem(pem),
        "rsa-pss-sha512" => HttpMessageSigners.RsaPssSha512FromPem(pem),
        _ => HttpMessageSigners.RsaV15Sha256FromPem(pem),
    };

    private string Path(string name) => $"{section.Path}:{name}";

    private ArgumentException Error(string message) => new($"User-group client '{clientName}': {message}");
}
