using System.Globalization;
using System.Text.Json.Nodes;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.Kylin;
using UserGroupClient.Testing.MinApp;
using UserGroupClient.Testing.Owl;

namespace UserGroupClient.Cli.Tests;

public sealed class MembersCommandTests
{
    [Fact]
    public async Task MembersAreAddedRemovedAndSetByUserName()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var alice = jms.AddUser("alice", "Alice Liddell");
        var bob = jms.AddUser("bob", "Bob");
        var carol = jms.AddUser("carol", "Carol");
        var group = jms.AddGroup("platform");
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });

        var added = await ugc.RunAsync("members", "add", "--backend", "ops", "platform", "alice", "bob", "--json");
        Assert.Equal(0, added.ExitCode);
        Assert.Equal(new[] { alice.Id, bob.Id }.Order(StringComparer.Ordinal), jms.FindGroup(group.Id)!.UserIds.Order(StringComparer.Ordinal));
        var change = JsonShape.Object(added.Json, "backend", "group", "added", "removed", "members");
        Assert.Equal(["alice", "bob"], JsonShape.Array(change["added"], JsonShape.Member).Select(m => (string?)m!["userName"]).Order(StringComparer.Ordinal));
        Assert.Empty(JsonShape.Array(change["removed"], JsonShape.Member));

        var removed = await ugc.RunAsync("members", "remove", "--backend", "ops", "platform", "alice");
        Assert.Equal(0, removed.ExitCode);
        Assert.Equal([bob.Id], jms.FindGroup(group.Id)!.UserIds);
        Assert.Contains("1 removed", removed.Output, StringComparison.Ordinal);

        var set = await ugc.RunAsync("members", "set", "--backend", "ops", "platform", "carol", "--json");
        Assert.Equal(0, set.ExitCode);
        Assert.Equal([carol.Id], jms.FindGroup(group.Id)!.UserIds);
        Assert.Equal(["bob"], set.Json["removed"]!.AsArray().Select(m => (string?)m!["userName"]));

        var listed = await ugc.RunAsync("members", "list", "--backend", "ops", "platform", "--json");
        var member = Assert.Single(JsonShape.Array(JsonShape.Object(listed.Json, "backend", "group", "members")["members"], JsonShape.Member));
        Assert.Equal("carol", (string?)member!["userName"]);
        Assert.Equal(carol.Id, (string?)member["id"]);
    }

    [Fact]
    public async Task AnUnknownUserNameChangesNothingAndIsNamed()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        jms.AddUser("alice", "Alice");
        var group = jms.AddGroup("platform");
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });
        jms.Journal.Clear();

        var result = await ugc.RunAsync("members", "add", "--backend", "ops", "platform", "alice", "mallory");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("ugc: Backend 'ops' has no user named 'mallory'; nothing was changed.", result.Error.Trim());
        Assert.Empty(jms.FindGroup(group.Id)!.UserIds);
        Assert.All(jms.Journal.Entries, e => Assert.Equal("GET", e.Method));
    }

    [Fact]
    public async Task OwlHostGroupMembersAreHostsByHostName()
    {
        await using var owl = await OwlEmulator.StartAsync();
        var web = owl.AddHost("web-1", "10.0.0.1");
        owl.AddHostGroup("web");
        using var ugc = new Ugc(new JsonObject { ["hosts"] = Backends.Owl(owl, "OwlHostGroups") });

        var result = await ugc.RunAsync("members", "add", "--backend", "hosts", "web", "WEB-1");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([web.Id], Assert.Single(owl.GetHostGroups()).HostIds);
    }

    [Fact]
    public async Task OwlUserGroupMembersMatchTheUserNameIgnoringCase()
    {
        await using var owl = await OwlEmulator.StartAsync();
        var alice = owl.AddUser("alice");
        owl.AddUserGroup("team");
        using var ugc = new Ugc(new JsonObject { ["owl"] = Backends.Owl(owl, "OwlUserGroups") });

        var result = await ugc.RunAsync("members", "add", "--backend", "owl", "team", "Alice");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([alice.Id], Assert.Single(owl.GetUserGroups()).UserIds);
    }

    [Fact]
    public async Task KylinMembersAreNamedByTheirUserNameWhichIsTheirId()
    {
        await using var kylin = await KylinEmulator.StartAsync();
        kylin.AddUser("alice", "Secret123!");
        kylin.AddGroup("analysts");
        using var ugc = new Ugc(new JsonObject { ["bi"] = Backends.Kylin(kylin) });

        var result = await ugc.RunAsync("members", "add", "--backend", "bi", "analysts", "alice");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["alice"], kylin.GetGroupMembers("analysts"));
    }

    [Fact]
    public async Task MinAppHasNoUserNamesSoMembersAreGivenByIdOnly()
    {
        await using var minapp = await MinAppEmulator.StartAsync();
        var alice = minapp.AddUser("Alice");
        var group = minapp.AddUserGroup("team");
        using var ugc = new Ugc(new JsonObject { ["mini"] = Backends.MinApp(minapp) });

        var byName = await ugc.RunAsync("members", "add", "--backend", "mini", "team", "Alice");
        var byId = await ugc.RunAsync("members", "add", "--backend", "mini", "team", alice.UserId.ToString(CultureInfo.InvariantCulture), "--ids");

        Assert.Equal(1, byName.ExitCode);
        Assert.Equal("ugc: Backend 'mini' (MinApp) has no unique user names: give member ids with --ids.", byName.Error.Trim());
        Assert.Equal(0, byId.ExitCode);
        Assert.Equal(1, minapp.FindUserGroup(group.Id)!.Members);
    }
}
