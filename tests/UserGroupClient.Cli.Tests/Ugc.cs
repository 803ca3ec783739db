using System.Text.Json.Nodes;

namespace UserGroupClient.Cli.Tests;

/// <summary>
/// Runs the tool in-process, as the program does, with a configuration file of the test's backends in a folder of its
/// own, and captures both streams. Output is redirected, so tables are plain text.
/// </summary>
internal sealed class Ugc : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ugc-test-").FullName;

    public Ugc(JsonObject? backends = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (backends is not null)
        {
            File.WriteAllText(Path.Combine(_folder, "ugc.json"), new JsonObject { ["Backends"] = backends }.ToJsonString());
        }

        Environment = environment ?? new Dictionary<string, string>();
    }

    public IReadOnlyDictionary<string, string> Environment { get; init; }

    public string Folder => _folder;

    public Task<UgcResult> RunAsync(params string[] args) => RunAsync(
        (output, error) => new UgcConsole
        {
            Out = output,
            Error = error,
            Environment = Environment,
            CurrentDirectory = _folder,
            UserConfigDirectory = Path.Combine(_folder, "no-user-config"),
        },
        args);

    /// <summary>Runs the tool in-process on the console <paramref name="console"/> makes around two captured streams.</summary>
    public static async Task<UgcResult> RunAsync(Func<TextWriter, TextWriter, UgcConsole> console, string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await UgcApplication.RunAsync(args, console(output, error));
        return new UgcResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Starts a command that runs until <paramref name="cancellationToken"/> is cancelled, as Ctrl+C does.</summary>
    public UgcRun Start(CancellationToken cancellationToken, params string[] args)
    {
        var output = new LiveWriter();
        var error = new LiveWriter();
        var console = new UgcConsole
        {
            Out = output,
            Error = error,
            In = new StringReader(""),
            Environment = Environment,
            CurrentDirectory = _folder,
            UserConfigDirectory = Path.Combine(_folder, "no-user-config"),
        };
        return new UgcRun(Task.Run(() => UgcApplication.RunAsync(args, console, cancellationToken), CancellationToken.None), output, error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

internal sealed record UgcResult(int ExitCode, string Output, string Error)
{
    public JsonNode Json => JsonNode.Parse(Output) ?? throw new InvalidOperationException("No JSON output.");
}

/// <summary>A command started with <see cref="Ugc.Start"/>: its exit code once it ends, and its streams as it writes them.</summary>
internal sealed record UgcRun(Task<int> Exit, LiveWriter Output, LiveWriter Error);
