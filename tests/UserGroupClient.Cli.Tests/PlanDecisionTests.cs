using System.Text.Json.Nodes;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.Kylin;
using UserGroupClient.Testing.MinApp;
using UserGroupClient.Testing.Owl;

namespace UserGroupClient.Cli.Tests;

/// <summary>What a plan changes and what it notes instead: parents, same-named groups, members, built-in groups.</summary>
public sealed class PlanDecisionTests
{
    [Fact]
    public async Task AMinAppParentIsCreatedAndChangedButASameOrUnsetParentIsLeftAlone()
    {
        await using var minapp = await MinAppEmulator.StartAsync();
        var north = minapp.AddSuperGroup("north");
        var south = minapp.AddSuperGroup("south");
        minapp.AddUserGroup("kept", north.Id);
        minapp.AddUserGroup("moved", north.Id);
        minapp.AddUserGroup("unset", north.Id);
        using var ugc = new Ugc(new JsonObject { ["mini"] = Backends.MinApp(minapp) });
        await File.WriteAllTextAsync(Path.Combine(ugc.Folder, "groups.json"), $$"""
            {"groups": [
              {"name": "kept", "parent": "{{north.Id}}"},
              {"name": "moved", "parent": "{{south.Id}}"},
              {"name": "unset"},
              {"name": "new", "parent": "{{south.Id}}"}
            ]}
            """);

        var plan = await ugc.RunAsync("plan", "--backend", "mini", "-f", "groups.json");

        Assert.Equal(0, plan.ExitCode);
        Assert.Equal(
            [
                ["Action", "Group", "Details"],
                ["+ create", "new", $"parent: {south.Id}"],
                ["~ update", "moved", $"parent: {south.Id}"],
            ],
            PlainTable.Rows(plan.Output));
        Assert.Equal(["mini: 2 change(s) to make."], PlainTable.Lines(plan.Output));
    }

    [Fact]
    public async Task GroupsTheTargetHoldsTwiceUnderOneNameAreNotedAndNoneIsChanged()
    {
        await using var minapp = await MinAppEmulator.StartAsync();
        var north = minapp.AddSuperGroup("north");
        minapp.AddUserGroup("team");
        minapp.AddUserGroup("team");
        using var ugc = new Ugc(new JsonObject { ["mini"] = Backends.MinApp(minapp) });
        await File.WriteAllTextAsync(Path.Combine(ugc.Folder, "groups.json"), $$"""{"groups": [{"name": "team", "parent": "{{north.Id}}"}]}""");

        var plan = await ugc.RunAsync("plan", "--backend", "mini", "-f", "groups.json", "--prune", "--json");

        Assert.Equal(0, plan.ExitCode);
        Assert.Empty(plan.Json["changes"]!.AsArray());
        var note = Assert.Single(plan.Json["notes"]!.AsArray());
        Assert.Equal("team skipped mini has 2 groups named 'team': none is changed.", $"{note!["group"]} {note["kind"]} {note["message"]}");
    }

    [Fact]
    public async Task SettingsAndMembersATargetCannotHoldAreNotedWithTheirValues()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        await using var minapp = await MinAppEmulator.StartAsync();
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms), ["mini"] = Backends.MinApp(minapp) });
        await File.WriteAllTextAsync(Path.Combine(ugc.Folder, "groups.json"), """{"groups": [{"name": "team", "comment": "x", "parent": "7", "members": ["alice"]}]}""");

        var ops = await ugc.RunAsync("plan", "--backend", "ops", "-f", "groups.json", "--json");
        var mini = await ugc.RunAsync("plan", "--backend", "mini", "-f", "groups.json", "--json");

        Assert.Equal(
            ["team skipped ops (JumpServer) groups have no parent: '7' is skipped.", "team unknownUser no user is named 'alice': not added."],
            ops.Json["notes"]!.AsArray().Select(n => $"{n!["group"]} {n["kind"]} {n["message"]}"));
        Assert.Equal(
            [" membersNotManaged mini (MinApp) has no unique user names: members are not synced there.", "team skipped mini (MinApp) groups have no comment: 'x' is skipped."],
            mini.Json["notes"]!.AsArray().Select(n => $"{n!["group"]} {n["kind"]} {n["message"]}"));
    }

    [Fact]
    public async Task AGroupWithoutMembersLeavesItsMembersAloneWhileAnothersAreSynced()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var alice = jms.AddUser("alice", "Alice");
        var bob = jms.AddUser("bob", "Bob");
        var platform = jms.AddGroup("platform", userIds: [alice.Id]);
        var data = jms.AddGroup("data", userIds: [alice.Id]);
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });
        await File.WriteAllTextAsync(Path.Combine(ugc.Folder, "groups.json"), """{"groups": [{"name": "platform"}, {"name": "data", "members": ["bob"]}]}""");

        var apply = await ugc.RunAsync("apply", "--backend", "ops", "-f", "groups.json", "--prune", "--yes", "--json");

        Assert.Equal(0, apply.ExitCode);
        Assert.Equal(["addMembers data bob", "removeMembers data alice"], apply.Json["changes"]!.AsArray().Select(c => $"{c!["action"]} {c["group"]} {string.Join(",", c["members"]!.AsArray())}"));
        Assert.Equal([alice.Id], jms.FindGroup(platform.Id)!.UserIds);
        Assert.Equal([bob.Id], jms.FindGroup(data.Id)!.UserIds);
    }

    [Fact]
    public async Task AHostNameSeveralHostsCarryIsNotedNotGuessed()
    {
        await using var owl = await OwlEmulator.StartAsync();
        owl.AddHost("web", "10.0.0.1");
        owl.AddHost("web", "10.0.0.2");
        var db = owl.AddHost("db", "10.0.0.3");
        using var ugc = new Ugc(new JsonObject { ["owl"] = Backends.Owl(owl, "OwlHostGroups") });
        await File.WriteAllTextAsync(Path.Combine(ugc.Folder, "groups.json"), """{"groups": [{"name": "frontends", "members": ["web", "db"]}]}""");

        var apply = await ugc.RunAsync("apply", "--backend", "owl", "-f", "groups.json", "--json");

        Assert.Equal(0, apply.ExitCode);
        var note = Assert.Single(apply.Json["notes"]!.AsArray());
        Assert.Equal("frontends ambiguousUser several users are named 'web': not added.", $"{note!["group"]} {note["kind"]} {note["message"]}");
        Assert.Equal([db.Id], Assert.Single(owl.GetHostGroups()).HostIds);
    }

    [Fact]
    public async Task APruneOnKylinNotesEachBuiltInGroupItLeaves()
    {
        await using var kylin = await KylinEmulator.StartAsync();
        kylin.AddGroup("leftover");
        using var ugc = new Ugc(new JsonObject { ["bi"] = Backends.Kylin(kylin) });
        await File.WriteAllTextAsync(Path.Combine(ugc.Folder, "groups.json"), """{"groups": []}""");

        var plan = await ugc.RunAsync("plan", "--backend", "bi", "-f", "groups.json", "--prune", "--json");

        Assert.Equal(0, plan.ExitCode);
        Assert.Equal(["delete leftover"], plan.Json["changes"]!.AsArray().Select(c => $"{c!["action"]} {c["group"]}"));
        Assert.Contains(
            "ALL_USERS skipped 'ALL_USERS' is one of Kylin's built-in groups: never deleted.",
            plan.Json["notes"]!.AsArray().Select(n => $"{n!["group"]} {n["kind"]} {n["message"]}"));
    }

    [Fact]
    public async Task AGroupListedWithoutACommentMatchesAnEmptyOne()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });
        await File.WriteAllTextAsync(Path.Combine(ugc.Folder, "groups.json"), """{"groups": [{"name": "platform", "comment": ""}, {"name": "data", "comment": "new"}]}""");
        jms.Faults.Enqueue(new EmulatedFault(200)
        {
            Body = """{"count": 2, "next": null, "previous": null, "results": [{"id": "7d6c5a4e-0000-4000-8000-000000000001", "name": "platform"}, {"id": "7d6c5a4e-0000-4000-8000-000000000002", "name": "data"}]}""",
            ContentType = "application/json",
            Method = "GET",
            PathPrefix = "/api/v1/users/groups/",
        });

        var plan = await ugc.RunAsync("plan", "--backend", "ops", "-f", "groups.json", "--json");

        Assert.Equal(0, plan.ExitCode);
        Assert.Equal(0, jms.Faults.Pending);
        Assert.Equal(["update data new"], plan.Json["changes"]!.AsArray().Select(c => $"{c!["action"]} {c["group"]} {c["comment"]}"));
    }
}
