using Microsoft.Extensions.Configuration;
using UserGroupClient.Authentication;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The <c>Credentials</c> section of one client's configuration, as a credentials factory reads it: required and
/// optional values, and a signing key. A missing or unusable value fails naming its full key, never quoting the value.
/// </summary>
internal sealed class CredentialsSection(IConfigurationSection section, string clientName, string type)
{
    /// <summary>The value of <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">It is missing or empty.</exception>
    public string Required(string name) => Optional(name) ?? throw Error($"{Path(name)} is required for credentials of type {type}.");

    /// <summary>The value of <paramref name="name"/>, or <see langword="null"/> when missing or empty.</summary>
    public string? Optional(string name) => section[name] is { Length: > 0 } value ? value : null;

    /// <summary>The signer of the section's signing key (<see cref="SigningKeyReader"/>); <paramref name="secrets"/> receives the key text.</summary>
    /// <exception cref="ArgumentException">The algorithm is unknown, or the key is missing, given twice, or not a key of that algorithm.</exception>
    public HttpMessageSigner Signer(ICollection<string> secrets) => SigningKeyReader.Read(section, $" for credentials of type {type}", Error, secrets);

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

    private string Path(string name) => $"{section.Path}:{name}";

    private ArgumentException Error(string message) => new($"User-group client '{clientName}': {message}");
}
