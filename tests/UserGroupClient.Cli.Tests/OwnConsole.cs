namespace UserGroupClient.Cli.Tests;

/// <summary>
/// Runs the tool in-process, as <see cref="Ugc"/> does, on a console the test describes: whether standard output is a
/// terminal, the environment, and the user's configuration folder (none by default).
/// </summary>
internal sealed record OwnConsole(string CurrentDirectory)
{
    public bool OutputIsTerminal { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public string? UserConfigDirectory { get; init; }

    public Task<UgcResult> RunAsync(params string[] args) => Ugc.RunAsync(
        (output, error) => new UgcConsole
        {
            Out = output,
            Error = error,
            OutputIsTerminal = OutputIsTerminal,
            Environment = Environment,
            CurrentDirectory = CurrentDirectory,
            UserConfigDirectory = UserConfigDirectory,
        },
        args);
}
