using System.Text.Json.Nodes;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.Cli.Tests;

/// <summary><c>ugc groups</c> for people: the group table and the deletion line; and the search a listing sends.</summary>
public sealed class GroupsOutputTests
{
    [Fact]
    public async Task AGroupIsShownAsATableOfItsIdNameCommentParentAndMemberCount()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var alice = jms.AddUser("alice", "Alice");
        var platform = jms.AddGroup("platform", comment: "on call", userIds: [alice.Id]);
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });

        var result = await ugc.RunAsync("groups", "get", "--backend", "ops", "platform");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([["Id", "Name", "Comment", "Parent", "Members"], [platform.Id, "platform", "on call", "", "1"]], TextTable.Rows(result.Output));
    }

    [Fact]
    public async Task ACreatedGroupIsShownAsATableRow()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });

        var result = await ugc.RunAsync("groups", "create", "--backend", "ops", "platform", "--comment", "on call");

        Assert.Equal(0, result.ExitCode);
        var created = Assert.Single(jms.GetGroups(), g => g.Name == "platform");
        var rows = TextTable.Rows(result.Output);
        Assert.Equal(2, rows.Count);
        Assert.Equal([created.Id, "platform", "on call"], rows[1][..3]);
    }

    [Fact]
    public async Task ADeletionSaysWhichGroupWentFromWhichBackend()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var platform = jms.AddGroup("platform");
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });

        var result = await ugc.RunAsync("groups", "delete", "--backend", "ops", "platform");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"Deleted group 'platform' ({platform.Id}) from ops.{Environment.NewLine}", result.Output);
        Assert.Equal("", result.Error);
        Assert.DoesNotContain(jms.GetGroups(), g => g.Name == "platform");
    }

    [Fact]
    public async Task SearchListsOnlyTheGroupsTheServerFindsForTheText()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        jms.AddGroup("platform");
        jms.AddGroup("data");
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });
        jms.Journal.Clear();

        var result = await ugc.RunAsync("groups", "list", "--backend", "ops", "--search", "plat", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["platform"], result.Json["groups"]!.AsArray().Select(g => (string?)g!["name"]));
        Assert.Contains("search=plat", Assert.Single(jms.Journal.Entries).Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutSearchEveryGroupIsListedAndNoSearchIsSent()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        jms.AddGroup("platform");
        jms.AddGroup("data");
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });
        jms.Journal.Clear();

        var result = await ugc.RunAsync("groups", "list", "--backend", "ops", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["data", "platform"], result.Json["groups"]!.AsArray().Select(g => (string?)g!["name"]).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("search", Assert.Single(jms.Journal.Entries).Query, StringComparison.Ordinal);
    }
}
