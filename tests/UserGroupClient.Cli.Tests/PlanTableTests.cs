using System.Text.Json.Nodes;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.Cli.Tests;

/// <summary>The plain-text report of plan and apply: a table of the changes, the notes, and a count.</summary>
public sealed class PlanTableTests
{
    private const string File = """
        {"groups": [
          {"name": "platform", "comment": "24/7", "members": ["alice", "bob"]},
          {"name": "infra", "members": []},
          {"name": "security", "comment": "audits", "members": ["alice", "bob", "mallory"]}
        ]}
        """;

    [Fact]
    public async Task APlanIsATableOfActionGroupAndDetailsThenItsNotesThenACount()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var ugc = await SeedAsync(jms);

        var plan = await ugc.RunAsync("plan", "--backend", "ops", "-f", "groups.json", "--prune");

        Assert.Equal(0, plan.ExitCode);
        Assert.Equal("", plan.Error);
        Assert.Equal(
            [
                ["Action", "Group", "Details"],
                ["+ create", "security", "comment: audits; alice, bob"],
                ["~ update", "platform", "comment: 24/7"],
                ["+ members", "platform", "bob"],
                ["- members", "infra", "alice"],
                ["- delete", "legacy", ""],
                ["- delete", "old", ""],
            ],
            PlainTable.Rows(plan.Output));
        Assert.Equal(["note: security: no user is named 'mallory': not added.", "ops: 6 change(s) to make."], PlainTable.Lines(plan.Output));
    }

    [Fact]
    public async Task AnApplyAddsEachChangesStatusAndCountsWhatWasDone()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var ugc = await SeedAsync(jms);

        var apply = await ugc.RunAsync("apply", "--backend", "ops", "-f", "groups.json");

        Assert.Equal(0, apply.ExitCode);
        Assert.Equal("", apply.Error);
        Assert.Equal(
            [
                ["Status", "Action", "Group", "Details"],
                ["done", "+ create", "security", "comment: audits; alice, bob"],
                ["done", "~ update", "platform", "comment: 24/7"],
                ["done", "+ members", "platform", "bob"],
            ],
            PlainTable.Rows(apply.Output));
        Assert.Equal(
            [
                "note: infra: 1 member(s) not in the desired state are kept (--prune removes them).",
                "note: security: no user is named 'mallory': not added.",
                "note: 2 group(s) of ops not in the desired state are kept (--prune deletes them): legacy, old.",
                "ops: 3 of 3 change(s) done.",
            ],
            PlainTable.Lines(apply.Output));
    }

    [Fact]
    public async Task AFailedApplyShowsTheFailureWithItsReasonAndWhatWasNotDone()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var entry = Backends.JumpServer(jms);
        entry["Resilience"] = new JsonObject { ["Enabled"] = false };
        using var ugc = new Ugc(new JsonObject { ["ops"] = entry });
        await System.IO.File.WriteAllTextAsync(Path.Combine(ugc.Folder, "groups.json"), """{"groups": [{"name": "a-team", "comment": "first"}, {"name": "b-team"}, {"name": "c-team"}]}""");
        jms.Faults.Enqueue(new EmulatedFault(400) { Body = """{"name": ["Refused."]}""", ContentType = "application/json", Method = "POST" });

        var apply = await ugc.RunAsync("apply", "--backend", "ops", "-f", "groups.json");

        Assert.Equal(1, apply.ExitCode);
        var reason = $"JumpServer: name: Refused. (POST {jms.BaseAddress}api/v1/users/groups/ → 400)";
        Assert.Equal(
            [
                ["Status", "Action", "Group", "Details"],
                ["FAILED: " + reason, "+ create", "a-team", "comment: first"],
                ["not done", "+ create", "b-team", ""],
                ["not done", "+ create", "c-team", ""],
            ],
            PlainTable.Rows(apply.Output));
        Assert.Equal(["ops: 0 of 3 change(s) done."], PlainTable.Lines(apply.Output));
        Assert.Equal($"ugc: Create of 'a-team' failed: {reason} 0 change(s) done, 2 not done; run the same command again to finish.", apply.Error.Trim());
        Assert.Empty(jms.GetGroups());
    }

    [Fact]
    public async Task APlanWithoutChangesIsOneLineAndNoTable()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        jms.AddGroup("platform", comment: "on call");
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });
        await System.IO.File.WriteAllTextAsync(Path.Combine(ugc.Folder, "groups.json"), """{"groups": [{"name": "platform", "comment": "on call"}]}""");

        var plan = await ugc.RunAsync("plan", "--backend", "ops", "-f", "groups.json");

        Assert.Equal(0, plan.ExitCode);
        Assert.Equal("ops: no changes.", plan.Output.Trim());
    }

    private static async Task<Ugc> SeedAsync(JumpServerEmulator jms)
    {
        var alice = jms.AddUser("alice", "Alice");
        jms.AddUser("bob", "Bob");
        jms.AddGroup("platform", comment: "on call", userIds: [alice.Id]);
        jms.AddGroup("infra", comment: "racks", userIds: [alice.Id]);
        jms.AddGroup("legacy");
        jms.AddGroup("old");
        var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });
        await System.IO.File.WriteAllTextAsync(Path.Combine(ugc.Folder, "groups.json"), File);
        return ugc;
    }
}
