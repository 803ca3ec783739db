using System.Text.Json.Nodes;

namespace UserGroupClient.Cli.Tests;

public sealed class BackendNameTests
{
    [Fact]
    public async Task ABackendNamedWhenNoneIsConfiguredSaysWhereBackendsComeFrom()
    {
        using var ugc = new Ugc();

        var result = await ugc.RunAsync("groups", "list", "--backend", "ops");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("ugc: No backend 'ops': no backend is configured (see --config and docs/cli.md)." + Environment.NewLine, result.Error);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task AnUnknownBackendNameListsTheConfiguredOnes()
    {
        using var ugc = new Ugc(new JsonObject { ["ops"] = Unreachable("JumpServer"), ["bi"] = Unreachable("Kylin") });

        var result = await ugc.RunAsync("members", "list", "--backend", "opz", "platform", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("ugc: No backend 'opz'; the configured ones are bi, ops." + Environment.NewLine, result.Error);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task ABackendWithoutADialectIsReportedByItsKey()
    {
        var entry = Unreachable("JumpServer");
        entry.Remove("Dialect");
        using var ugc = new Ugc(new JsonObject { ["ops"] = entry });

        var result = await ugc.RunAsync("backends");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "ugc: User-group backend 'ops': Backends:ops:Dialect is required, one of JumpServer, MinApp, Kylin, OwlHostGroups, OwlUserGroups." + Environment.NewLine,
            result.Error);
        Assert.Equal("", result.Output);
    }

    /// <summary>An entry no test reaches: the name is refused before anything is sent.</summary>
    private static JsonObject Unreachable(string dialect) => new()
    {
        ["Dialect"] = dialect,
        ["BaseAddress"] = "http://127.0.0.1:9/",
        ["Credentials"] = dialect == "Kylin"
            ? new JsonObject { ["Type"] = "Basic", ["UserName"] = "ADMIN", ["Password"] = "unused" }
            : new JsonObject { ["Type"] = "AccessKey", ["KeyId"] = "2a5b0e9c-1111-4222-8333-944455556666", ["Secret"] = "unused" },
    };

    [Fact]
    public async Task ABackendCommandWithoutItsBackendIsRefused()
    {
        using var ugc = new Ugc();

        var result = await ugc.RunAsync("groups", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Option '--backend' is required.", result.Error, StringComparison.Ordinal);
    }
}
