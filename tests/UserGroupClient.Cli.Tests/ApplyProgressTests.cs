using System.Text.Json.Nodes;
using UserGroupClient.Cli.Backends;
using UserGroupClient.Cli.Configuration;
using UserGroupClient.Cli.State;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.Cli.Tests;

/// <summary>
/// What the progress bar of an apply at a terminal hears: each change as it ends, the failed one too. Spectre.Console
/// animates only a real terminal, so the applier is driven directly, with the configuration a run loads.
/// </summary>
public sealed class ApplyProgressTests
{
    [Fact]
    public async Task TheProgressHearsOfEveryChangeAsItEndsTheFailedOneIncluded()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });
        var console = new UgcConsole { Out = TextWriter.Null, Error = TextWriter.Null, CurrentDirectory = ugc.Folder, UserConfigDirectory = Path.Combine(ugc.Folder, "no-user-config") };
        await using var session = BackendSession.Open(UgcConfiguration.Load(null, console));
        var target = session.Backend("ops");
        var plan = new Plan(
            "ops",
            [
                new PlannedChange { Action = PlannedAction.Create, Group = "a-team" },
                new PlannedChange { Action = PlannedAction.Create, Group = "bad\nname" },
                new PlannedChange { Action = PlannedAction.Create, Group = "c-team" },
            ],
            []);
        var heard = new List<string>();

        var complete = await Applier.ApplyAsync(session, target, plan, change => heard.Add($"{change.Group} {change.Status}"), CancellationToken.None);

        Assert.False(complete);
        Assert.Equal(["a-team Done", "bad\nname Failed"], heard);
        Assert.Equal(["a-team"], jms.GetGroups().Select(g => g.Name));
    }
}
