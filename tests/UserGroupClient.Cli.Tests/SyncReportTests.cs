using System.Text.Json.Nodes;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.Cli.Tests;

/// <summary>What <c>ugc sync</c> refuses, and how its dry run is reported: as a plan of its source, not applied.</summary>
public sealed class SyncReportTests
{
    [Fact]
    public async Task ASyncFromABackendToItselfIsRefusedBeforeAnythingIsRead()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        jms.AddGroup("platform");
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });
        jms.Journal.Clear();

        var result = await ugc.RunAsync("sync", "--from", "ops", "--to", "ops", "--prune", "--yes");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"ugc: --from and --to name the same backend.{Environment.NewLine}", result.Error);
        Assert.Equal("", result.Output);
        Assert.Empty(jms.Journal.Entries);
    }

    [Fact]
    public async Task ADryRunIsReportedAsThePlanOfItsSourceNotApplied()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        await using var kylin = await KylinEmulator.StartAsync();
        jms.AddGroup("analysts");
        jms.AddGroup("auditors");
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms), ["bi"] = Backends.Kylin(kylin) });

        var json = await ugc.RunAsync("sync", "--from", "ops", "--to", "bi", "--dry-run", "--json");
        var table = await ugc.RunAsync("sync", "--from", "ops", "--to", "bi", "--dry-run");

        Assert.Equal(0, json.ExitCode);
        Assert.False((bool?)json.Json["applied"]);
        Assert.Equal("ops", (string?)json.Json["source"]);
        Assert.Equal("bi", (string?)json.Json["backend"]);
        Assert.Equal(0, table.ExitCode);
        var rows = TextTable.Rows(table.Output);
        Assert.Equal(["Action", "Group", "Details"], rows[0]);
        Assert.Equal([["+ create", "analysts", ""], ["+ create", "auditors", ""]], rows.Skip(1).OrderBy(r => r[1], StringComparer.Ordinal));
        Assert.EndsWith($"bi: 2 change(s) to make.{Environment.NewLine}", table.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("analysts", kylin.GetGroups());
    }
}
