using System.Collections;

namespace UserGroupClient.Cli;

/// <summary>
/// What the tool reads from and writes to outside its arguments: its two streams, whether they are a terminal, its
/// environment and where it looks for its configuration. Tests give their own.
/// </summary>
internal sealed class UgcConsole
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>Standard output is a terminal: tables get colour and progress is animated, unless NO_COLOR is set.</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>Standard input is a terminal, so a confirmation can be asked.</summary>
    public bool InputIsTerminal { get; init; }

    /// <summary>Where a confirmation's answer is read from.</summary>
    public TextReader In { get; init; } = TextReader.Null;

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Where <c>./ugc.json</c> is looked for.</summary>
    public required string CurrentDirectory { get; init; }

    /// <summary>The user's configuration folder, where <c>ugc/ugc.json</c> is looked for second.</summary>
    public string? UserConfigDirectory { get; init; }

    /// <summary>Colour and animation are off: output is not a terminal, or NO_COLOR is set (any value but empty).</summary>
    public bool Plain => !OutputIsTerminal || Environment.TryGetValue("NO_COLOR", out var noColor) && noColor.Length > 0;

    public static UgcConsole FromSystem()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry variable in System.Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string key && variable.Value is string value)
            {
                environment[key] = value;
            }
        }

        return new UgcConsole
        {
            Out = Console.Out,
            Error = Console.Error,
            In = Console.In,
            OutputIsTerminal = !Console.IsOutputRedirected,
            InputIsTerminal = !Console.IsInputRedirected,
            Environment = environment,
            CurrentDirectory = System.Environment.CurrentDirectory,
            UserConfigDirectory = System.Environment.GetFolderPath(System.Environment.SpecialFolder.ApplicationData) is { Length: > 0 } folder ? folder : null,
        };
    }
}
