using System.Text.Json.Nodes;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.Cli.Tests;

/// <summary>What apply sends for a change, and how a change that is cut short is reported.</summary>
public sealed class ApplyOutcomeTests
{
    [Fact]
    public async Task AGroupCreatedWithoutMembersSendsNoMemberList()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var alice = jms.AddUser("alice", "Alice");
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });
        await File.WriteAllTextAsync(Path.Combine(ugc.Folder, "groups.json"), """{"groups": [{"name": "empty", "members": []}, {"name": "team", "members": ["alice"]}]}""");
        jms.Journal.Clear();

        var apply = await ugc.RunAsync("apply", "--backend", "ops", "-f", "groups.json");

        Assert.Equal(0, apply.ExitCode);
        var creates = jms.Journal.Entries.Where(e => e.Method == "POST" && e.Path == "/api/v1/users/groups/").Select(e => JsonNode.Parse(e.Body)!.AsObject()).ToList();
        Assert.Equal(2, creates.Count);
        Assert.Null(creates[0]["users"]);
        Assert.Equal([alice.Id], creates[1]["users"]!.AsArray().Select(u => (string?)u));
    }

    [Fact]
    public async Task ACancelledApplyMarksTheChangeInFlightCancelledAndTheRestNotDone()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var entry = Backends.JumpServer(jms);
        entry["Resilience"] = new JsonObject { ["Enabled"] = false };
        using var ugc = new Ugc(new JsonObject { ["ops"] = entry });
        await File.WriteAllTextAsync(Path.Combine(ugc.Folder, "groups.json"), """{"groups": [{"name": "a-team"}, {"name": "b-team"}]}""");
        jms.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.Stall, stallDuration: TimeSpan.FromMinutes(5), method: "POST"));
        using var ctrlC = new CancellationTokenSource();

        var run = ugc.Start(ctrlC.Token, "apply", "--backend", "ops", "-f", "groups.json", "--json");
        for (var i = 0; i < 1500 && jms.Faults.Pending > 0 && !run.Exit.IsCompleted; i++)
        {
            await Task.Delay(20);
        }

        await ctrlC.CancelAsync();
        var exitCode = await run.Exit;

        Assert.Equal(1, exitCode);
        var changes = JsonNode.Parse(run.Output.Text)!["changes"]!.AsArray();
        Assert.Equal(["a-team failed cancelled", "b-team notDone "], changes.Select(c => $"{c!["group"]} {c["status"]} {c["error"]}"));
        Assert.Equal("ugc: Create of 'a-team' failed: cancelled 0 change(s) done, 1 not done; run the same command again to finish.", run.Error.Text.Trim());
        Assert.Empty(jms.GetGroups());
    }
}
