using System.Net;
using System.Text.Json;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.Testing.Tests.JumpServer;

/// <summary>Membership through <c>users-groups-relations</c> and <c>users/users/?group_id=</c> (docs/wire/jumpserver.md §1.3).</summary>
public sealed class RelationTests
{
    private const string Relations = "/api/v1/users/users-groups-relations/";

    [Fact]
    public async Task PostingPairsCreatesRowsAndAnExistingPairIsRefused()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var a = jms.AddUser("a", name: "Ann");
        var b = jms.AddUser("b");
        var group = jms.AddGroup("team", userIds: [b.Id]);
        using var client = Wire.AdminClient(jms);

        using var created = await client.PostAsync(Relations, Wire.Json($"[{{\"user\":\"{a.Id}\",\"usergroup\":\"{group.Id}\"}}]"));
        var rows = (await Wire.ReadJsonAsync(created))!.AsArray();
        using var again = await client.PostAsync(Relations, Wire.Json($"{{\"user\":\"{b.Id}\",\"usergroup\":\"{group.Id}\"}}"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Ann", (string?)rows[0]!["user_display"]);
        Assert.Equal("team", (string?)rows[0]!["usergroup_display"]);
        Assert.Equal(JsonValueKind.Number, rows[0]!["id"]!.GetValueKind());
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("{\"non_field_errors\":[\"The fields user, usergroup must make a unique set.\"]}", await again.Content.ReadAsStringAsync());
        Assert.Equal([b.Id, a.Id], jms.FindGroup(group.Id)!.UserIds);
    }

    [Fact]
    public async Task DeleteNeedsExactlyOneMatchingRow()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var a = jms.AddUser("a");
        var b = jms.AddUser("b");
        var group = jms.AddGroup("team", userIds: [a.Id, b.Id]);
        jms.AddGroup("other", userIds: [a.Id]);
        using var client = Wire.AdminClient(jms);

        using var ambiguous = await client.DeleteAsync($"{Relations}?usergroup={group.Id}");
        using var ignoredFilter = await client.DeleteAsync($"{Relations}?group={group.Id}&user={a.Id}");
        using var exact = await client.DeleteAsync($"{Relations}?usergroup={group.Id}&user={a.Id}");

        Assert.Equal(HttpStatusCode.BadRequest, ambiguous.StatusCode);
        Assert.Empty(await ambiguous.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.BadRequest, ignoredFilter.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, exact.StatusCode);
        Assert.Equal([b.Id], jms.FindGroup(group.Id)!.UserIds);
    }

    [Fact]
    public async Task RowsAndMembersCanBeListed()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var a = jms.AddUser("a");
        var b = jms.AddUser("b");
        var group = jms.AddGroup("team", userIds: [a.Id]);
        jms.AddGroupMember(group.Id, b.Id);
        using var client = Wire.AdminClient(jms);

        using var rows = await client.GetAsync($"{Relations}?usergroup={group.Id}");
        using var members = await client.GetAsync($"/api/v1/users/users/?group_id={group.Id}&limit=10");
        using var others = await client.GetAsync($"/api/v1/users/users/?exclude_group_id={group.Id}");
        using var byName = await client.GetAsync("/api/v1/users/users/?groups=TEAM");

        Assert.Equal(2, (await Wire.ReadJsonAsync(rows))!.AsArray().Count);
        var page = (await Wire.ReadJsonAsync(members))!;
        Assert.Equal(["a", "b"], page["results"]!.AsArray().Select(user => (string)user!["username"]!));
        Assert.Equal(["admin"], (await Wire.ReadJsonAsync(others))!.AsArray().Select(user => (string)user!["username"]!));
        Assert.Equal(2, (await Wire.ReadJsonAsync(byName))!.AsArray().Count);
    }
}
