namespace Quickstart;

/// <summary>
/// The Quickstart's options: <c>--name value</c> pairs, each also readable from the environment variable
/// <c>UGC_NAME</c> (upper case, dashes as underscores).
/// </summary>
internal sealed class QuickstartSettings
{
    private readonly Dictionary<string, string> _options;
    private readonly Func<string, string?> _environment;

    private QuickstartSettings(Dictionary<string, string> options, Func<string, string?> environment, bool showHelp, string? error)
    {
        _options = options;
        _environment = environment;
        ShowHelp = showHelp;
        Error = error;
    }

    public bool ShowHelp { get; }

    public string? Error { get; }

    public static QuickstartSettings Parse(string[] args, Func<string, string?> environment)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "-h" or "--help")
            {
                return new QuickstartSettings(options, environment, showHelp: true, error: null);
            }

            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                return new QuickstartSettings(options, environment, showHelp: false, $"Unexpected argument '{args[i]}'.");
            }

            options[args[i][2..]] = args[++i];
        }

        return new QuickstartSettings(options, environment, showHelp: false, error: null);
    }

    /// <summary>The option's value from the command line, else from <c>UGC_…</c>, else <see langword="null"/>.</summary>
    public string? Get(string option) =>
        _options.GetValueOrDefault(option) ?? _environment("UGC_" + option.ToUpperInvariant().Replace('-', '_'));

    /// <summary>A comma-separated option as a list.</summary>
    public IReadOnlyList<string> GetList(string option) =>
        (Get(option) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>An absolute URL option.</summary>
    /// <exception cref="ArgumentException">The value is not an absolute URL.</exception>
    public Uri? GetUrl(string option) => Get(option) switch
    {
        null => null,
        var text when Uri.TryCreate(text, UriKind.Absolute, out var url) => url,
        var text => throw new ArgumentException($"--{option} '{text}' is not an absolute URL."),
    };
}
