using System.Text.Json.Nodes;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.MinApp;

namespace UserGroupClient.Cli.Tests;

/// <summary>What export writes of a backend's groups, and what sync reads of its source.</summary>
public sealed class ExportedStateTests
{
    [Fact]
    public async Task GroupsAndTheirMembersAreSortedOrdinallyAndAnEmptyCommentIsLeftNull()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var bob = jms.AddUser("bob", "Bob");
        var alice = jms.AddUser("alice", "Alice");
        jms.AddGroup("platform", comment: "on call", userIds: [bob.Id, alice.Id]);
        jms.AddGroup("data");
        jms.AddGroup("Zeta");
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });

        var export = await ugc.RunAsync("export", "--backend", "ops");

        Assert.Equal(0, export.ExitCode);
        Assert.Equal("", export.Error);
        var groups = JsonNode.Parse(export.Output)!["groups"]!.AsArray();
        Assert.Equal(["Zeta", "data", "platform"], groups.Select(g => (string?)g!["name"]));
        Assert.Null(groups[1]!["comment"]);
        Assert.True(groups[1]!.AsObject().ContainsKey("comment"));
        Assert.Equal("on call", (string?)groups[2]!["comment"]);
        Assert.Equal(["alice", "bob"], groups[2]!["members"]!.AsArray().Select(m => (string?)m));
        Assert.Empty(groups[1]!["members"]!.AsArray());
    }

    [Fact]
    public async Task AMinAppExportLeavesMembersOutAndSaysSoOnStandardError()
    {
        await using var minapp = await MinAppEmulator.StartAsync();
        var user = minapp.AddUser("Alice");
        var team = minapp.AddUserGroup("team");
        minapp.AddGroupMember(team.Id, user.UserId);
        using var ugc = new Ugc(new JsonObject { ["mini"] = Backends.MinApp(minapp) });

        var export = await ugc.RunAsync("export", "--backend", "mini");

        Assert.Equal(0, export.ExitCode);
        Assert.Equal("note: mini (MinApp) has no unique user names: members are left out.", export.Error.Trim());
        var group = Assert.Single(JsonNode.Parse(export.Output)!["groups"]!.AsArray());
        Assert.Equal("team", (string?)group!["name"]);
        Assert.Null(group["members"]);
    }

    [Fact]
    public async Task SyncWithoutMembersReadsNoMemberListingOfTheSourceAndNotesNothing()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        await using var other = await JumpServerEmulator.StartAsync();
        var alice = jms.AddUser("alice", "Alice");
        jms.AddGroup("platform", userIds: [alice.Id]);
        jms.AddGroup("data", userIds: [alice.Id]);
        using var ugc = new Ugc(new JsonObject { ["a"] = Backends.JumpServer(jms), ["b"] = Backends.JumpServer(other) });
        jms.Journal.Clear();

        var sync = await ugc.RunAsync("sync", "--from", "a", "--to", "b", "--json");

        Assert.Equal(0, sync.ExitCode);
        Assert.Empty(sync.Json["notes"]!.AsArray());
        Assert.Equal(["/api/v1/users/groups/"], jms.Journal.Entries.Select(e => e.Path).Distinct());
    }
}
