using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using UserGroupClient;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Reads client options from configuration: the plain settings through the binder's generated code (<see cref="Bind"/>:
/// no reflection, trimming- and AOT-safe), the <c>Credentials</c> section by its <c>Type</c>
/// (<see cref="Credentials{T}"/>). A value that does not convert fails with its full configuration key in the
/// message, never with the value, which may be a secret (an address can carry a user name and password).
/// </summary>
internal sealed class ConfigurationReader
{
    private static readonly Regex BinderFailure = new("at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private readonly IConfiguration _configuration;
    private readonly string _clientName;

    public ConfigurationReader(IConfiguration configuration, string clientName)
    {
        _configuration = configuration;
        _clientName = clientName;
    }

    /// <summary>
    /// Runs <paramref name="bind"/>, a generated <c>Bind(options)</c> of the dialect's options type, over the section
    /// without the settings the binder cannot make (<see cref="ConfigurationWithout"/>), and checks what the binder
    /// lets through: a <c>BaseAddress</c> that is no absolute URL (the binder makes a relative one of anything).
    /// </summary>
    /// <exception cref="ArgumentException">A value does not convert, or the address is not absolute; the message names the key.</exception>
    public void Bind(UserGroupClientOptions options, Action<IConfiguration> bind)
    {
        try
        {
            bind(new ConfigurationWithout(_configuration, "Credentials", nameof(options.TimeProvider), nameof(options.LoggerFactory)));
        }
        catch (InvalidOperationException exception) when (BinderFailure.Match(exception.Message) is { Success: true } failure)
        {
            // The binder's own message quotes the value; this one names the key and the expected type only.
            throw new ArgumentException($"User-group client '{_clientName}': {failure.Groups["key"].Value} is not a valid {failure.Groups["type"].Value}.");
        }

        // Stryker disable once Equality : an empty BaseAddress value makes the binder set no address (null), which is never a relative one
        if (_configuration[nameof(options.BaseAddress)] is { Length: > 0 } && options.BaseAddress is { IsAbsoluteUri: false })
        {
            throw new ArgumentException($"User-group client '{_clientName}': {Path(nameof(options.BaseAddress))} is not an absolute URL.");
        }
    }

    /// <summary>
    /// Reads the credentials section <paramref name="key"/>: its <c>Type</c> picks one of <paramref name="kinds"/>, whose
    /// factory reads the keys it requires (<see cref="CredentialsSection"/>). No section gives <see langword="null"/>.
    /// </summary>
    public T? Credentials<T>(string key, params (string Type, Func<CredentialsSection, T> Create)[] kinds)
        where T : class
    {
        var section = _configuration.GetSection(key);
        var type = section["Type"];
        if (string.IsNullOrEmpty(type))
        {
            return null;
        }

        foreach (var kind in kinds)
        {
            if (string.Equals(kind.Type, type, StringComparison.OrdinalIgnoreCase))
            {
                return kind.Create(new CredentialsSection(section, _clientName, type));
            }
        }

        throw new ArgumentException($"User-group client '{_clientName}': {section.Path}:Type '{type}' is not one of {string.Join(", ", kinds.Select(k => k.Type))}.");
    }

    private string Path(string key) => _configuration is IConfigurationSection section ? $"{section.Path}:{key}" : key;
}
