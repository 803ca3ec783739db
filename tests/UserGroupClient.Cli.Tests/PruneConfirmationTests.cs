using System.Text.Json.Nodes;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.Cli.Tests;

/// <summary>What apply --prune asks before it deletes, where it asks, and what each answer does.</summary>
public sealed class PruneConfirmationTests
{
    private const string Prompt = "--prune will delete 1 group(s) and remove 1 member(s) on ops. Go on? [y/N] ";

    [Theory]
    [InlineData("y\n")]
    [InlineData(" YES \n")]
    public async Task AYesTypedAtATerminalGoesOnAndDeletes(string typed)
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var ugc = Seed(jms, out var platform);

        var apply = await TerminalUgc.RunAsync(ugc, inputIsTerminal: true, outputIsTerminal: true, typed, "apply", "--backend", "ops", "-f", "groups.json", "--prune");

        Assert.Equal(0, apply.ExitCode);
        Assert.Equal(Prompt, apply.Error);
        Assert.DoesNotContain(jms.GetGroups(), g => g.Name == "legacy");
        Assert.Empty(jms.FindGroup(platform)!.UserIds);
        Assert.Contains("ops: 2 of 2 change(s) done.", apply.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("n\n")]
    [InlineData("\n")]
    [InlineData("")]
    [InlineData("yep\n")]
    public async Task AnythingElseTypedDeclinesAndSendsNothing(string typed)
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var ugc = Seed(jms, out var platform);
        jms.Journal.Clear();

        var apply = await TerminalUgc.RunAsync(ugc, inputIsTerminal: true, outputIsTerminal: true, typed, "apply", "--backend", "ops", "-f", "groups.json", "--prune");

        Assert.Equal(1, apply.ExitCode);
        Assert.Equal(Prompt + "ugc: Declined. Nothing was changed." + Environment.NewLine, apply.Error);
        Assert.Equal("", apply.Output);
        Assert.All(jms.Journal.Entries, e => Assert.Equal("GET", e.Method));
        Assert.Contains(jms.GetGroups(), g => g.Name == "legacy");
        Assert.Single(jms.FindGroup(platform)!.UserIds);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task WithOnlyOneSideATerminalItRefusesWithoutAsking(bool inputIsTerminal, bool outputIsTerminal)
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var ugc = Seed(jms, out var platform);
        jms.Journal.Clear();

        var apply = await TerminalUgc.RunAsync(ugc, inputIsTerminal, outputIsTerminal, "y\n", "apply", "--backend", "ops", "-f", "groups.json", "--prune");

        Assert.Equal(1, apply.ExitCode);
        Assert.Equal(
            "ugc: --prune would delete 1 group(s) and remove 1 member(s) on ops: confirm with --yes (there is no terminal to ask on). Nothing was changed." + Environment.NewLine,
            apply.Error);
        Assert.All(jms.Journal.Entries, e => Assert.Equal("GET", e.Method));
        Assert.Contains(jms.GetGroups(), g => g.Name == "legacy");
        Assert.Single(jms.FindGroup(platform)!.UserIds);
    }

    [Fact]
    public async Task YesAtATerminalDeletesWithoutAsking()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var ugc = Seed(jms, out _);

        var apply = await TerminalUgc.RunAsync(ugc, inputIsTerminal: true, outputIsTerminal: true, "n\n", "apply", "--backend", "ops", "-f", "groups.json", "--prune", "--yes");

        Assert.Equal(0, apply.ExitCode);
        Assert.Equal("", apply.Error);
        Assert.DoesNotContain(jms.GetGroups(), g => g.Name == "legacy");
    }

    private static Ugc Seed(JumpServerEmulator jms, out string platform)
    {
        var alice = jms.AddUser("alice", "Alice");
        platform = jms.AddGroup("platform", userIds: [alice.Id]).Id;
        jms.AddGroup("legacy");
        var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });
        File.WriteAllText(Path.Combine(ugc.Folder, "groups.json"), """{"groups": [{"name": "platform", "members": []}]}""");
        return ugc;
    }
}
