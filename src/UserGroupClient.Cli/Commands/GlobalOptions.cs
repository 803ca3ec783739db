using System.CommandLine;

namespace UserGroupClient.Cli.Commands;

/// <summary>The options every command takes.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Config { get; } = new("--config")
    {
        Description = "The configuration file (default: ./ugc.json, then ugc/ugc.json in the user's configuration folder). UGC_* environment variables override it.",
        HelpName = "FILE",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print one JSON document (the schema in docs/cli.md) instead of tables.",
        Recursive = true,
    };

    public static Option<string> Backend() => new("--backend", "-b")
    {
        Description = "The backend's name in the configuration.",
        HelpName = "NAME",
        Required = true,
    };
}
