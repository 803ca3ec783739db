using System.Globalization;
using Microsoft.Extensions.Configuration;
using UserGroupClient;
using UserGroupClient.Resilience;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Reads client options from configuration by hand: no reflection (trimming- and AOT-safe), and a value that does not
/// parse fails with the full configuration key in the message. Absent keys leave the option as it is.
/// </summary>
internal sealed class ConfigurationReader
{
    private readonly IConfiguration _configuration;
    private readonly string _clientName;

    public ConfigurationReader(IConfiguration configuration, string clientName)
    {
        _configuration = configuration;
        _clientName = clientName;
    }

    /// <summary>Reads the settings every dialect's options share.</summary>
    public void ReadCommon(UserGroupClientOptions options)
    {
        options.BaseAddress = Uri(nameof(options.BaseAddress)) ?? options.BaseAddress;
        options.Timeout = TimeSpan(nameof(options.Timeout)) ?? options.Timeout;
        options.DefaultPageSize = Int(nameof(options.DefaultPageSize)) ?? options.DefaultPageSize;
        options.MaxResponseContentBytes = Long(nameof(options.MaxResponseContentBytes)) ?? options.MaxResponseContentBytes;
        var resilience = new ConfigurationReader(_configuration.GetSection(nameof(options.Resilience)), _clientName);
        var r = options.Resilience;
        r.Enabled = resilience.Bool(nameof(r.Enabled)) ?? r.Enabled;
        r.TotalTimeout = resilience.TimeSpan(nameof(r.TotalTimeout)) ?? r.TotalTimeout;
        r.AttemptTimeout = resilience.TimeSpan(nameof(r.AttemptTimeout)) ?? r.AttemptTimeout;
        r.MaxRetryAttempts = resilience.Int(nameof(r.MaxRetryAttempts)) ?? r.MaxRetryAttempts;
        r.BaseDelay = resilience.TimeSpan(nameof(r.BaseDelay)) ?? r.BaseDelay;
        r.MaxRetryAfter = resilience.TimeSpan(nameof(r.MaxRetryAfter)) ?? r.MaxRetryAfter;
        r.CircuitBreakerFailureRatio = resilience.Double(nameof(r.CircuitBreakerFailureRatio)) ?? r.CircuitBreakerFailureRatio;
        r.CircuitBreakerMinimumThroughput = resilience.Int(nameof(r.CircuitBreakerMinimumThroughput)) ?? r.CircuitBreakerMinimumThroughput;
        r.CircuitBreakerSamplingDuration = resilience.TimeSpan(nameof(r.CircuitBreakerSamplingDuration)) ?? r.CircuitBreakerSamplingDuration;
        r.CircuitBreakerBreakDuration = resilience.TimeSpan(nameof(r.CircuitBreakerBreakDuration)) ?? r.CircuitBreakerBreakDuration;
    }

    public string? String(string key) => _configuration[key] is { Length: > 0 } value ? value : null;

    /// <summary>
    /// Reads the credentials section <paramref name="key"/>: its <c>Type</c> picks one of <paramref name="kinds"/>, whose
    /// factory reads the keys it requires. No section gives <see langword="null"/>.
    /// </summary>
    public T? Credentials<T>(string key, params (string Type, Func<Func<string, string>, T> Create)[] kinds)
        where T : class
    {
        var section = _configuration.GetSection(key);
        var type = section["Type"];
        if (string.IsNullOrEmpty(type))
        {
            return null;
        }

        string Required(string name) => section[name] is { Length: > 0 } value
            ? value
            : throw new ArgumentException($"User-group client '{_clientName}': {section.Path}:{name} is required for credentials of type {type}.");

        foreach (var kind in kinds)
        {
            if (string.Equals(kind.Type, type, StringComparison.OrdinalIgnoreCase))
            {
                return kind.Create(Required);
            }
        }

        throw new ArgumentException($"User-group client '{_clientName}': {section.Path}:Type '{type}' is not one of {string.Join(", ", kinds.Select(k => k.Type))}.");
    }

    public int? Int(string key) => Parse<int>(key, text => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture), "a whole number");

    public long? Long(string key) => Parse<long>(key, text => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture), "a whole number");

    public double? Double(string key) => Parse<double>(key, text => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), "a number");

    public bool? Bool(string key) => Parse<bool>(key, bool.Parse, "true or false");

    public TimeSpan? TimeSpan(string key) => Parse<TimeSpan>(key, text => System.TimeSpan.Parse(text, CultureInfo.InvariantCulture), "a duration such as 00:00:30");

    // The text is not echoed: an address may carry a user name and password before its host.
    public Uri? Uri(string key) => String(key) is { } text
        ? System.Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : throw new ArgumentException($"User-group client '{_clientName}': {Path(key)} is not an absolute URL.")
        : null;

    private T? Parse<T>(string key, Func<string, T> parse, string expected)
        where T : struct
    {
        if (String(key) is not { } text)
        {
            return null;
        }

        try
        {
            return parse(text);
        }
        catch (Exception exception) when (exception is FormatException or OverflowException)
        {
            throw Invalid(key, text, expected, exception);
        }
    }

    private ArgumentException Invalid(string key, string text, string expected, Exception? exception) =>
        new($"User-group client '{_clientName}': {Path(key)} is '{text}', which is not {expected}.", exception);

    private string Path(string key) => _configuration is IConfigurationSection section ? $"{section.Path}:{key}" : key;
}
