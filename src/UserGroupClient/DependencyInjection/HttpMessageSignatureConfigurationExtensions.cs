using System.Globalization;
using Microsoft.Extensions.Configuration;
using UserGroupClient.Authentication;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// RFC 9421 HTTP Message Signatures (<see cref="HttpMessageSignatureHandler"/>) set up from configuration: the key id
/// and the signing key from a file, the environment or any other configuration source, next to the handler's settings.
/// </summary>
/// <remarks>
/// The section's keys: <c>KeyId</c> (required); <c>Algorithm</c> (<c>hmac-sha256</c>, the default, <c>ed25519</c>,
/// <c>ecdsa-p256-sha256</c>, <c>rsa-pss-sha512</c> or <c>rsa-v1_5-sha256</c>) and exactly one of <c>PrivateKeyPem</c>
/// (PEM text) and <c>PrivateKeyBase64</c> (an HMAC key's raw bytes, an Ed25519 key's 32-byte seed, or the DER of a
/// PKCS#8 private key); and, each optional with the default of <see cref="HttpMessageSignatureOptions"/>,
/// <c>Components</c> (a list), <c>AddContentDigest</c>, <c>ContentDigestAlgorithm</c> (<c>Sha256</c> or <c>Sha512</c>),
/// <c>Label</c>, <c>IncludeCreated</c>, <c>IncludeAlgorithm</c>, <c>Expires</c> (a time span such as <c>00:05:00</c>)
/// and <c>Tag</c>. A nonce, a delegate, is set in code. A value that is missing or unusable fails naming its full key,
/// never quoting the value.
/// </remarks>
public static class HttpMessageSignatureConfigurationExtensions
{
    /// <summary>Reads the settings of <see cref="HttpMessageSignatureHandler"/>, its signer included, from <paramref name="section"/>.</summary>
    /// <param name="section">The section, for example <c>configuration.GetSection("Signing")</c>.</param>
    /// <returns>Options whose signer is made here: the caller owns it (<see cref="HttpMessageSigner"/> is disposable).</returns>
    /// <exception cref="ArgumentException">A key is missing, or a value is unusable; the message names its key.</exception>
    public static HttpMessageSignatureOptions GetHttpMessageSignatureOptions(this IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var keyId = Text(section, "KeyId") ?? throw Error($"{Path(section, "KeyId")} is required.");
        var components = new List<string>();
        foreach (var component in section.GetSection("Components").GetChildren())
        {
            components.Add(component.Value is { Length: > 0 } identifier ? identifier : throw Error($"{component.Path} is not a component identifier."));
        }

        var addContentDigest = Boolean(section, "AddContentDigest");
        var contentDigestAlgorithm = DigestAlgorithm(section);
        var label = Text(section, "Label");
        var includeCreated = Boolean(section, "IncludeCreated");
        var includeAlgorithm = Boolean(section, "IncludeAlgorithm");
        var expires = Duration(section, "Expires");
        var tag = Text(section, "Tag");
        var signer = SigningKeyReader.Read(section, string.Empty, Error, []);
        try
        {
            var defaults = new HttpMessageSignatureOptions { KeyId = keyId, Signer = signer };
            var options = new HttpMessageSignatureOptions
            {
                KeyId = keyId,
                Signer = signer,
                Components = components.Count > 0 ? components : defaults.Components,
                AddContentDigest = addContentDigest ?? defaults.AddContentDigest,
                ContentDigestAlgorithm = contentDigestAlgorithm ?? defaults.ContentDigestAlgorithm,
                Label = label ?? defaults.Label,
                IncludeCreated = includeCreated ?? defaults.IncludeCreated,
                IncludeAlgorithm = includeAlgorithm ?? defaults.IncludeAlgorithm,
                Expires = expires,
                Tag = tag,
            };

            // The handler checks its settings when it is made: made once here, they fail now, naming the section.
            using (new HttpMessageSignatureHandler(options))
            {
                return options;
            }
        }
        catch (ArgumentException exception)
        {
            // Stryker disable once Statement : nothing outside holds the signer once its settings fail; undisposed, its key object would wait for its finalizer, which no caller or server sees
            signer.Dispose();
            throw Error($"{section.Path}: {exception.Message}");
        }
    }

    /// <summary>
    /// Signs every request of the client with RFC 9421 HTTP Message Signatures, set up from <paramref name="section"/>
    /// (<see cref="GetHttpMessageSignatureOptions"/>). On a user-group client (the builder an <c>Add…Client</c>
    /// returns) the handler runs closest to the wire, inside the SDK's resilience: each attempt is signed afresh.
    /// </summary>
    /// <param name="builder">The client's builder.</param>
    /// <param name="section">The section, for example <c>configuration.GetSection("Signing")</c>.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentException">A key is missing, or a value is unusable: read here, at registration; the message names its key.</exception>
    public static IHttpClientBuilder AddHttpMessageSignature(this IHttpClientBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The key is read once and its signer kept for the application's life: every handler the factory makes shares it.
        var options = section.GetHttpMessageSignatureOptions();
        return builder.AddHttpMessageHandler(() => new HttpMessageSignatureHandler(options));
    }

    private static ArgumentException Error(string message) => new($"HTTP message signature settings: {message}");

    private static string Path(IConfigurationSection section, string name) => $"{section.Path}:{name}";

    private static string? Text(IConfigurationSection section, string name) => section[name] is { Length: > 0 } value ? value : null;

    private static bool? Boolean(IConfigurationSection section, string name) =>
        Text(section, name) is not { } value ? null
        : bool.TryParse(value, out var parsed) ? parsed
        : throw Error($"{Path(section, name)} is not true or false.");

    private static TimeSpan? Duration(IConfigurationSection section, string name) =>
        Text(section, name) is not { } value ? null
        : TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : throw Error($"{Path(section, name)} is not a time span (such as 00:05:00).");

    private static ContentDigestAlgorithm? DigestAlgorithm(IConfigurationSection section) =>
        Text(section, "ContentDigestAlgorithm") is not { } value ? null
        : Enum.TryParse<ContentDigestAlgorithm>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw Error($"{Path(section, "ContentDigestAlgorithm")} is not one of {string.Join(", ", Enum.GetNames<ContentDigestAlgorithm>())}.");
}
