using System.Text.Json.Nodes;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.Cli.Tests;

/// <summary><c>ugc backends</c> for people: its table, its probe request, and what it says when nothing is configured.</summary>
public sealed class BackendsTableTests
{
    [Fact]
    public async Task TheTableShowsEachBackendsDialectAddressAndWhetherItAnswersWithTheReason()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        await using var kylin = await KylinEmulator.StartAsync();
        var refused = Backends.Kylin(kylin);
        refused["Credentials"]!["Password"] = "not-the-password-4711";
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms), ["bi"] = refused });
        var error = (string?)(await ugc.RunAsync("backends", "--json")).Json["backends"]!.AsArray().Single(b => (string?)b!["name"] == "bi")!["error"];

        var result = await ugc.RunAsync("backends");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Error);
        var rows = TextTable.Rows(result.Output);
        Assert.Equal(["Backend", "Dialect", "Address", "Answers"], rows[0]);
        Assert.Equal(["bi", "Kylin", kylin.BaseAddress.ToString(), $"no: {error}"], rows[1]);
        Assert.Equal(["ops", "JumpServer", jms.BaseAddress.ToString(), "yes"], rows[2]);
        Assert.Equal(3, rows.Count);
        Assert.StartsWith("Kylin: Invalid credentials", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachBackendIsAskedForAPageOfOneGroup()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        jms.AddGroup("a");
        jms.AddGroup("b");
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });
        jms.Journal.Clear();

        var result = await ugc.RunAsync("backends");

        Assert.Equal(0, result.ExitCode);
        var request = Assert.Single(jms.Journal.Entries);
        Assert.Equal("/api/v1/users/groups/", request.Path);
        Assert.Contains("limit=1&", request.Query + "&", StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutABackendItSaysWhereToConfigureOneAndSucceeds()
    {
        using var ugc = new Ugc(new JsonObject());

        var result = await ugc.RunAsync("backends");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("No backend is configured (see --config and docs/cli.md)." + Environment.NewLine, result.Output);
        Assert.Equal("", result.Error);
    }
}
