using System.Text.RegularExpressions;

namespace UserGroupClient.Cli.Tests;

/// <summary>What <c>--help</c> tells: each command's description and each option's and argument's name and description.</summary>
public sealed partial class HelpTextTests
{
    [Fact]
    public async Task TheToolsHelpDescribesItAndItsConfigAndJsonOptions()
    {
        var help = await HelpAsync("--help");

        Assert.Contains("ugc: user groups on JumpServer, MinApp, Kylin and Owl servers, from the backends of a configuration file.", help, StringComparison.Ordinal);
        Assert.Contains("--config <FILE> The configuration file (default: ./ugc.json, then ugc/ugc.json in the user's configuration folder). UGC_* environment variables override it.", help, StringComparison.Ordinal);
        Assert.Contains("--json Print one JSON document (the schema in docs/cli.md) instead of tables.", help, StringComparison.Ordinal);
        Assert.True(help.Contains("emulator <JumpServer|Kylin|MinApp|OwlHostGroups|OwlUserGroups> Runs an emulated server on 127.0.0.1 until Ctrl+C, printing its address, credentials and a backend entry for ugc.json.", StringComparison.Ordinal), help);
    }

    [Fact]
    public async Task TheEmulatorsHelpDescribesItsDialectPortAndKylinFlavor()
    {
        var help = await HelpAsync("emulator", "--help");

        Assert.Contains("Runs an emulated server on 127.0.0.1 until Ctrl+C, printing its address, credentials and a backend entry for ugc.json.", help, StringComparison.Ordinal);
        Assert.Contains("Which server to emulate: JumpServer, MinApp, Kylin (see --kylin-flavor), OwlHostGroups or OwlUserGroups (both start the Owl emulator).", help, StringComparison.Ordinal);
        Assert.Contains("--port <N> The port on 127.0.0.1 to listen on; 0 (the default) takes a free one.", help, StringComparison.Ordinal);
        Assert.Contains("--kylin-flavor <FLAVOR> With Kylin: which Kylin the emulator plays (Kap3, the default, Apache3, Apache4, KyligenceEnterprise4 or Kylin5); the printed entry names that flavor.", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABackendCommandsHelpShowsTheRequiredBackendOptionAndTheGlobalOnes()
    {
        var help = await HelpAsync("groups", "list", "--help");

        Assert.Contains("-b, --backend <NAME> (REQUIRED) The backend's name in the configuration.", help, StringComparison.Ordinal);
        Assert.Contains("--config <FILE> The configuration file", help, StringComparison.Ordinal);
        Assert.Contains("--json Print one JSON document", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABackendCommandWithoutItsBackendIsRefused()
    {
        using var ugc = new Ugc();

        var result = await ugc.RunAsync("groups", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Option '--backend' is required.", result.Error, StringComparison.Ordinal);
    }

    /// <summary>The help text on standard output, with every run of white space one space: lines wrap by width.</summary>
    private static async Task<string> HelpAsync(params string[] args)
    {
        using var ugc = new Ugc();
        var result = await ugc.RunAsync(args);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        return WhiteSpace().Replace(result.Output, " ");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
