using System.Text.Json.Nodes;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.MinApp;

namespace UserGroupClient.Cli.Tests;

public sealed class StateCommandTests
{
    private static readonly string[] PlanDocument = ["backend", "source", "applied", "changes", "notes"];
    private static readonly string[] Change = ["action", "group", "comment", "parent", "members", "status", "error"];
    private static readonly string[] Note = ["group", "kind", "message"];

    [Fact]
    public async Task AnExportPlannedAgainstItsBackendHasNoChanges()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var alice = jms.AddUser("alice", "Alice");
        jms.AddGroup("platform", comment: "on call", userIds: [alice.Id]);
        jms.AddGroup("data");
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });

        var export = await ugc.RunAsync("export", "--backend", "ops", "-o", "groups.json");
        var plan = await ugc.RunAsync("plan", "--backend", "ops", "-f", "groups.json", "--detailed-exitcode", "--json");

        Assert.Equal(0, export.ExitCode);
        var platform = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(ugc.Folder, "groups.json")))!["groups"]!.AsArray().Single(g => (string?)g!["name"] == "platform")!;
        Assert.Equal("on call", (string?)platform["comment"]);
        Assert.Equal(["alice"], platform["members"]!.AsArray().Select(m => (string?)m));
        Assert.Equal(0, plan.ExitCode);
        var document = JsonShape.Object(plan.Json, PlanDocument);
        Assert.Empty(JsonShape.Array(document["changes"], Change));
        Assert.False((bool?)document["applied"]);
    }

    [Fact]
    public async Task AnEditedFileIsPlannedWithoutSendingThenAppliedThenHasNoChanges()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var alice = jms.AddUser("alice", "Alice");
        var bob = jms.AddUser("bob", "Bob");
        var platform = jms.AddGroup("platform", comment: "on call", userIds: [alice.Id]);
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });
        await ugc.RunAsync("export", "--backend", "ops", "-o", "groups.json");
        await File.WriteAllTextAsync(Path.Combine(ugc.Folder, "groups.json"), """
            {"groups": [
              {"name": "platform", "comment": "on call, 24/7", "members": ["alice", "bob"]},
              {"name": "security", "comment": "audits", "members": ["bob", "mallory"]}
            ]}
            """);
        jms.Journal.Clear();

        var plan = await ugc.RunAsync("plan", "--backend", "ops", "-f", "groups.json", "--detailed-exitcode", "--json");

        Assert.Equal(2, plan.ExitCode);
        Assert.All(jms.Journal.Entries, e => Assert.Equal("GET", e.Method));
        var changes = JsonShape.Array(plan.Json["changes"], Change);
        Assert.Equal(["create security", "update platform", "addMembers platform"], changes.Select(c => $"{c!["action"]} {c["group"]}"));
        Assert.Equal(["bob"], changes[0]!["members"]!.AsArray().Select(m => (string?)m));
        var note = Assert.Single(JsonShape.Array(plan.Json["notes"], Note));
        Assert.Equal("unknownUser", (string?)note!["kind"]);
        Assert.Contains("mallory", (string?)note["message"], StringComparison.Ordinal);

        var apply = await ugc.RunAsync("apply", "--backend", "ops", "-f", "groups.json");
        var again = await ugc.RunAsync("plan", "--backend", "ops", "-f", "groups.json", "--detailed-exitcode");

        Assert.Equal(0, apply.ExitCode);
        Assert.Contains("3 of 3 change(s) done", apply.Output, StringComparison.Ordinal);
        Assert.Equal("on call, 24/7", jms.FindGroup(platform.Id)!.Comment);
        Assert.Equal(new[] { alice.Id, bob.Id }.Order(StringComparer.Ordinal), jms.FindGroup(platform.Id)!.UserIds.Order(StringComparer.Ordinal));
        Assert.Equal([bob.Id], Assert.Single(jms.GetGroups(), g => g.Name == "security").UserIds);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("ops: no changes.", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingIsDeletedWithoutPrune()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var alice = jms.AddUser("alice", "Alice");
        var platform = jms.AddGroup("platform", userIds: [alice.Id]);
        jms.AddGroup("legacy");
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });
        await File.WriteAllTextAsync(Path.Combine(ugc.Folder, "groups.json"), """{"groups": [{"name": "platform", "members": []}]}""");

        var apply = await ugc.RunAsync("apply", "--backend", "ops", "-f", "groups.json", "--json");

        Assert.Equal(0, apply.ExitCode);
        Assert.Empty(apply.Json["changes"]!.AsArray());
        Assert.Equal(2, apply.Json["notes"]!.AsArray().Count(n => (string?)n!["kind"] == "kept"));
        Assert.Contains(jms.GetGroups(), g => g.Name == "legacy");
        Assert.Equal([alice.Id], jms.FindGroup(platform.Id)!.UserIds);
    }

    [Fact]
    public async Task PruneWithoutATerminalToAskOnRefusesUnlessYes()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var alice = jms.AddUser("alice", "Alice");
        var platform = jms.AddGroup("platform", userIds: [alice.Id]);
        jms.AddGroup("legacy");
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });
        await File.WriteAllTextAsync(Path.Combine(ugc.Folder, "groups.json"), """{"groups": [{"name": "platform", "members": []}]}""");
        jms.Journal.Clear();

        var refused = await ugc.RunAsync("apply", "--backend", "ops", "-f", "groups.json", "--prune");

        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("ugc: --prune would delete 1 group(s) and remove 1 member(s) on ops: confirm with --yes (there is no terminal to ask on). Nothing was changed.", refused.Error.Trim());
        Assert.All(jms.Journal.Entries, e => Assert.Equal("GET", e.Method));

        var confirmed = await ugc.RunAsync("apply", "--backend", "ops", "-f", "groups.json", "--prune", "--yes");

        Assert.Equal(0, confirmed.ExitCode);
        Assert.DoesNotContain(jms.GetGroups(), g => g.Name == "legacy");
        Assert.Empty(jms.FindGroup(platform.Id)!.UserIds);
    }

    [Fact]
    public async Task AFailureMidwayReportsWhatWasAndWasNotDoneAndTheRerunConverges()
    {
        await using var scenario = await MidwayFailure.StartAsync();
        var (jms, alice, ugc) = (scenario.Jms, scenario.Alice, scenario.Ugc);

        var failed = await ugc.RunAsync("apply", "--backend", "ops", "-f", "groups.json", "--json");

        Assert.Equal(1, failed.ExitCode);
        var changes = JsonShape.Array(JsonShape.Object(failed.Json, PlanDocument)["changes"], Change);
        Assert.Equal(["create a-team done", "addMembers b-team failed", "addMembers c-team notDone"], changes.Select(c => $"{c!["action"]} {c["group"]} {c["status"]}"));
        Assert.False(string.IsNullOrEmpty((string?)changes[1]!["error"]));
        Assert.True((bool?)failed.Json["applied"]);
        Assert.Contains("1 change(s) done, 1 not done; run the same command again to finish.", failed.Error, StringComparison.Ordinal);
        Assert.Contains(jms.GetGroups(), g => g.Name == "a-team");
        Assert.All(jms.GetGroups(), g => Assert.Empty(g.UserIds));

        var rerun = await ugc.RunAsync("apply", "--backend", "ops", "-f", "groups.json", "--json");
        var plan = await ugc.RunAsync("plan", "--backend", "ops", "-f", "groups.json", "--detailed-exitcode");

        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(["addMembers b-team done", "addMembers c-team done"], rerun.Json["changes"]!.AsArray().Select(c => $"{c!["action"]} {c["group"]} {c["status"]}"));
        Assert.Single(jms.GetGroups(), g => g.Name == "a-team");
        Assert.All(jms.GetGroups().Where(g => g.Name != "a-team"), g => Assert.Equal([alice.Id], g.UserIds));
        Assert.Equal(0, plan.ExitCode);
    }

    [Fact]
    public async Task APlanThatCannotBeReadExitsOneEvenWithDetailedExitCodes()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });
        await File.WriteAllTextAsync(Path.Combine(ugc.Folder, "groups.json"), """{"groups": [{"name": "ops"}, {"name": "ops"}]}""");

        var duplicate = await ugc.RunAsync("plan", "--backend", "ops", "-f", "groups.json", "--detailed-exitcode");
        var missing = await ugc.RunAsync("plan", "--backend", "ops", "-f", "nowhere.json", "--detailed-exitcode");

        Assert.Equal(1, duplicate.ExitCode);
        Assert.Contains("names the group 'ops' more than once", duplicate.Error, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
    }

    [Fact]
    public async Task MinAppMembersAreNotPlannedAndThePlanSaysWhy()
    {
        await using var minapp = await MinAppEmulator.StartAsync();
        using var ugc = new Ugc(new JsonObject { ["mini"] = Backends.MinApp(minapp) });
        await File.WriteAllTextAsync(Path.Combine(ugc.Folder, "groups.json"), """{"groups": [{"name": "team", "comment": "x", "members": ["alice"]}]}""");

        var plan = await ugc.RunAsync("plan", "--backend", "mini", "-f", "groups.json", "--json");

        var change = Assert.Single(plan.Json["changes"]!.AsArray());
        Assert.Equal("create", (string?)change!["action"]);
        Assert.Empty(change["members"]!.AsArray());
        Assert.Equal(["membersNotManaged", "skipped"], plan.Json["notes"]!.AsArray().Select(n => (string?)n!["kind"]));
    }
}
