using System.Text.Json.Nodes;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.MinApp;

namespace UserGroupClient.Cli.Tests;

/// <summary>Where <c>ugc export</c> writes the desired-state file, and where its notes go.</summary>
public sealed class ExportOutputTests
{
    [Fact]
    public async Task WithoutOutputTheFileIsPrintedOnStandardOutputAsItIsWritten()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var alice = jms.AddUser("alice", "Alice");
        jms.AddGroup("platform", comment: "on call", userIds: [alice.Id]);
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });

        var printed = await ugc.RunAsync("export", "--backend", "ops");
        var written = await ugc.RunAsync("export", "--backend", "ops", "--output", "groups.json");

        Assert.Equal(0, printed.ExitCode);
        Assert.Equal("", printed.Error);
        var group = Assert.Single(JsonNode.Parse(printed.Output)!["groups"]!.AsArray())!;
        Assert.Equal("platform", (string?)group["name"]);
        Assert.Equal(["alice"], group["members"]!.AsArray().Select(m => (string?)m));
        Assert.Equal(0, written.ExitCode);
        Assert.Equal("", written.Output);
        Assert.Equal(printed.Output, await File.ReadAllTextAsync(Path.Combine(ugc.Folder, "groups.json")));
    }

    [Fact]
    public async Task OnMinAppANoteOnStandardErrorSaysTheMembersAreLeftOut()
    {
        await using var minapp = await MinAppEmulator.StartAsync();
        minapp.AddUserGroup("team");
        using var ugc = new Ugc(new JsonObject { ["mini"] = Backends.MinApp(minapp) });

        var result = await ugc.RunAsync("export", "--backend", "mini");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"note: mini (MinApp) has no unique user names: members are left out.{Environment.NewLine}", result.Error);
        var group = Assert.Single(JsonNode.Parse(result.Output)!["groups"]!.AsArray())!;
        Assert.Equal("team", (string?)group["name"]);
        Assert.Null(group["members"]);
    }
}
