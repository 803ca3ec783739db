using System.Text.Json.Nodes;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.Kylin;
using UserGroupClient.Testing.Owl;

namespace UserGroupClient.Cli.Tests;

public sealed class SyncCommandTests
{
    [Fact]
    public async Task JumpServerGroupsAndMembersReachKylinByUserNameWithTheCommentReportedAsSkipped()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        await using var kylin = await KylinEmulator.StartAsync();
        var alice = jms.AddUser("alice", "Alice");
        var bob = jms.AddUser("bob", "Bob");
        jms.AddGroup("analysts", comment: "BI team", userIds: [alice.Id, bob.Id]);
        kylin.AddUser("alice", "Secret123!");
        kylin.AddUser("bob", "Secret123!");
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms), ["bi"] = Backends.Kylin(kylin) });

        var sync = await ugc.RunAsync("sync", "--from", "ops", "--to", "bi", "--members", "--json");
        var again = await ugc.RunAsync("sync", "--from", "ops", "--to", "bi", "--members", "--dry-run", "--json");

        Assert.Equal(0, sync.ExitCode);
        Assert.Equal("ops", (string?)sync.Json["source"]);
        Assert.Equal(["alice", "bob"], kylin.GetGroupMembers("analysts").Order(StringComparer.Ordinal));
        var skipped = Assert.Single(sync.Json["notes"]!.AsArray(), n => (string?)n!["kind"] == "skipped");
        Assert.Equal("analysts", (string?)skipped!["group"]);
        Assert.Contains("no comment", (string?)skipped["message"], StringComparison.Ordinal);
        Assert.Empty(again.Json["changes"]!.AsArray());
    }

    [Fact]
    public async Task JumpServerMembersReachOwlUserGroupsByUserNameAndAnUnknownOneIsReportedNotGuessed()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        await using var owl = await OwlEmulator.StartAsync();
        var members = new[] { jms.AddUser("alice", "Alice").Id, jms.AddUser("bob", "Bob").Id, jms.AddUser("carol", "Carol").Id };
        jms.AddGroup("platform", userIds: members);
        jms.AddGroup("data");
        var alice = owl.AddUser("Alice");
        var bob = owl.AddUser("bob");
        owl.AddUser("caroline");
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms), ["owl"] = Backends.Owl(owl, "OwlUserGroups") });

        var sync = await ugc.RunAsync("sync", "--from", "ops", "--to", "owl", "--members");

        Assert.Equal(0, sync.ExitCode);
        Assert.Equal(new[] { alice.Id, bob.Id }.Order(), Assert.Single(owl.GetUserGroups(), g => g.Name == "platform").UserIds.Order());
        Assert.Contains(owl.GetUserGroups(), g => g.Name == "data");
        Assert.Contains("note: platform: no user is named 'carol': not added.", sync.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutMembersOnlyNamesAndCommentsAreSynced()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        await using var other = await JumpServerEmulator.StartAsync();
        var alice = jms.AddUser("alice", "Alice");
        jms.AddGroup("platform", comment: "on call", userIds: [alice.Id]);
        var stale = other.AddGroup("platform", comment: "old");
        other.AddUser("alice", "Alice");
        using var ugc = new Ugc(new JsonObject { ["a"] = Backends.JumpServer(jms), ["b"] = Backends.JumpServer(other) });

        var sync = await ugc.RunAsync("sync", "--from", "a", "--to", "b");

        Assert.Equal(0, sync.ExitCode);
        Assert.Equal("on call", other.FindGroup(stale.Id)!.Comment);
        Assert.Empty(other.FindGroup(stale.Id)!.UserIds);
    }

    [Fact]
    public async Task SyncPrunesOnlyWithPruneAndNeverKylinsBuiltInGroups()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        await using var kylin = await KylinEmulator.StartAsync();
        jms.AddGroup("analysts");
        kylin.AddGroup("leftover");
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms), ["bi"] = Backends.Kylin(kylin) });

        var kept = await ugc.RunAsync("sync", "--from", "ops", "--to", "bi");
        Assert.Contains("leftover", kylin.GetGroups());

        var pruned = await ugc.RunAsync("sync", "--from", "ops", "--to", "bi", "--prune", "--yes", "--json");

        Assert.Equal(0, kept.ExitCode);
        Assert.Equal(0, pruned.ExitCode);
        Assert.DoesNotContain("leftover", kylin.GetGroups());
        Assert.Contains("ALL_USERS", kylin.GetGroups());
        Assert.Contains("analysts", kylin.GetGroups());
        Assert.Contains(pruned.Json["notes"]!.AsArray(), n => (string?)n!["group"] == "ALL_USERS" && (string?)n["kind"] == "skipped");
    }

    [Fact]
    public async Task SyncDryRunSendsNothing()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        await using var kylin = await KylinEmulator.StartAsync();
        jms.AddGroup("analysts");
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms), ["bi"] = Backends.Kylin(kylin) });
        kylin.Journal.Clear();

        var dryRun = await ugc.RunAsync("sync", "--from", "ops", "--to", "bi", "--dry-run", "--json");

        Assert.Equal(0, dryRun.ExitCode);
        Assert.Equal("create", (string?)dryRun.Json["changes"]![0]!["action"]);
        Assert.Equal("planned", (string?)dryRun.Json["changes"]![0]!["status"]);
        Assert.DoesNotContain("analysts", kylin.GetGroups());
        Assert.All(kylin.Journal.Entries, e => Assert.Equal("GET", e.Method));
    }
}
