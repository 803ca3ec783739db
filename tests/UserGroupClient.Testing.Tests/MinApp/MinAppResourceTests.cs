using System.Net;
using System.Text.Json.Nodes;
using UserGroupClient.Testing.MinApp;

namespace UserGroupClient.Testing.Tests.MinApp;

/// <summary>The emulator's resources, paging and errors, over raw HTTP.</summary>
public sealed class MinAppResourceTests
{
    [Fact]
    public async Task ListsPageTastypieStyleWithRelativeLinksThatKeepTheFilter()
    {
        await using var emulator = await MinAppEmulator.StartAsync();
        var super = emulator.AddSuperGroup("S");
        for (var i = 0; i < 5; i++)
        {
            emulator.AddUserGroup($"g{i}", super.Id);
        }

        emulator.AddUserGroup("outside");
        using var client = MinAppWire.Client(emulator, emulator.IssueAccessToken());

        var page = await MinAppWire.ReadJsonAsync(await client.GetAsync($"oserve/v1/user-group/?parent_id={super.Id}&limit=2&offset=2"));

        var meta = page["meta"]!;
        Assert.Equal(5, (int)meta["total_count"]!);
        Assert.Equal($"/oserve/v1/user-group/?limit=2&offset=4&parent_id={super.Id}", (string?)meta["next"]);
        Assert.Equal($"/oserve/v1/user-group/?limit=2&offset=0&parent_id={super.Id}", (string?)meta["previous"]);
        Assert.Equal(["g2", "g3"], page["objects"]!.AsArray().Select(o => (string)o!["name"]!));
        var last = await MinAppWire.ReadJsonAsync(await client.GetAsync((string?)meta["next"]));
        Assert.Null(last["meta"]!["next"]);
    }

    [Theory]
    [InlineData("limit=5000", 1000)]
    [InlineData("limit=0", 1000)]
    [InlineData("", 20)]
    public async Task LimitDefaultsAndCaps(string query, int limit)
    {
        await using var emulator = await MinAppEmulator.StartAsync();
        using var client = MinAppWire.Client(emulator, emulator.IssueAccessToken());

        var page = await MinAppWire.ReadJsonAsync(await client.GetAsync($"oserve/v1/user-supergroup/?{query}"));

        Assert.Equal(limit, (int)page["meta"]!["limit"]!);
    }

    [Theory]
    [InlineData("limit=-1")]
    [InlineData("offset=x")]
    public async Task BadPagingIs400(string query)
    {
        await using var emulator = await MinAppEmulator.StartAsync();
        using var client = MinAppWire.Client(emulator, emulator.IssueAccessToken());

        var response = await client.GetAsync($"oserve/v1/user-group/?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("error", (string?)(await MinAppWire.ReadJsonAsync(response))["status"]);
    }

    [Fact]
    public async Task UserGroupsCreateReadUpdateAndDelete()
    {
        await using var emulator = await MinAppEmulator.StartAsync();
        var super = emulator.AddSuperGroup("Super Group");
        using var client = MinAppWire.Client(emulator, emulator.IssueAccessToken());

        var created = await client.PostAsync("oserve/v1/user-group/", MinAppWire.Json($$"""{"name": "User Group", "parent": {{super.Id}}}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var group = await MinAppWire.ReadJsonAsync(created);
        var id = (long)group["id"]!;
        Assert.Equal($"/oserve/v1/user-group/{id}/", created.Headers.Location!.OriginalString);
        Assert.Equal("Super Group", (string?)group["parent"]!["name"]);

        var renamed = await MinAppWire.ReadJsonAsync(await client.PutAsync($"oserve/v1/user-group/{id}/", MinAppWire.Json("""{"name": "user group"}""")));
        Assert.Equal("user group", (string?)renamed["name"]);
        Assert.Equal(super.Id, (long)renamed["parent"]!["id"]!);

        var detached = await MinAppWire.ReadJsonAsync(await client.PutAsync($"oserve/v1/user-group/{id}/", MinAppWire.Json("""{"name": "user group", "parent": null}""")));
        Assert.Null(detached["parent"]);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"oserve/v1/user-group/{id}/")).StatusCode);
        var gone = await client.GetAsync($"oserve/v1/user-group/{id}/");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("not found", (string?)(await MinAppWire.ReadJsonAsync(gone))["error_msg"]);
    }

    [Fact]
    public async Task CreateWithoutANameOrWithAnUnknownParentIs400()
    {
        await using var emulator = await MinAppEmulator.StartAsync();
        using var client = MinAppWire.Client(emulator, emulator.IssueAccessToken());

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("oserve/v1/user-group/", MinAppWire.Json("""{"name": ""}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("oserve/v1/user-group/", MinAppWire.Json("""{"name": "x", "parent": 999}"""))).StatusCode);
        Assert.Empty(emulator.GetUserGroups());
    }

    [Fact]
    public async Task BulkDeleteNeedsIdInAndIgnoresUnknownIds()
    {
        await using var emulator = await MinAppEmulator.StartAsync();
        var a = emulator.AddUserGroup("a");
        var b = emulator.AddUserGroup("b");
        using var client = MinAppWire.Client(emulator, emulator.IssueAccessToken());

        Assert.Equal(HttpStatusCode.BadRequest, (await client.DeleteAsync("oserve/v1/user-group/")).StatusCode);
        Assert.Equal(2, emulator.GetUserGroups().Count);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"oserve/v1/user-group/?id__in={a.Id},999")).StatusCode);
        Assert.Equal([b.Id], emulator.GetUserGroups().Select(g => g.Id));
    }

    [Fact]
    public async Task SupergroupPutReplacesChildrenAndMovesGroups()
    {
        await using var emulator = await MinAppEmulator.StartAsync();
        var a = emulator.AddUserGroup("a");
        var b = emulator.AddUserGroup("b");
        var first = emulator.AddSuperGroup("first", [a.Id]);
        var second = emulator.AddSuperGroup("second", [b.Id]);
        using var client = MinAppWire.Client(emulator, emulator.IssueAccessToken());

        var response = await client.PutAsync($"oserve/v1/user-supergroup/{first.Id}/", MinAppWire.Json($$"""{"name": "super group 3", "children": [{{b.Id}}]}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await MinAppWire.ReadJsonAsync(response);
        Assert.Equal([b.Id], body["children"]!.AsArray().Select(c => (long)c!["id"]!));
        Assert.Null(emulator.FindUserGroup(a.Id)!.ParentId);
        Assert.Empty(emulator.GetSuperGroups().Single(s => s.Id == second.Id).Children);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsync($"oserve/v1/user-supergroup/{first.Id}/", MinAppWire.Json("""{"name": "x"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsync($"oserve/v1/user-supergroup/{first.Id}/", MinAppWire.Json("""{"name": "x", "children": [999]}"""))).StatusCode);
    }

    [Fact]
    public async Task DeletingASupergroupKeepsItsGroups()
    {
        await using var emulator = await MinAppEmulator.StartAsync();
        var a = emulator.AddUserGroup("a");
        var super = emulator.AddSuperGroup("s", [a.Id]);
        using var client = MinAppWire.Client(emulator, emulator.IssueAccessToken());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"oserve/v1/user-supergroup/?id__in={super.Id}")).StatusCode);

        Assert.Null(emulator.FindUserGroup(a.Id)!.ParentId);
    }

    [Fact]
    public async Task MembershipPatchIsAllOrNothingAndCountsFollow()
    {
        await using var emulator = await MinAppEmulator.StartAsync();
        var group = emulator.AddUserGroup("g");
        var alice = emulator.AddUser("Alice");
        var bob = emulator.AddUser("Bob");
        Assert.NotEqual(alice.Id, alice.UserId);
        using var client = MinAppWire.Client(emulator, emulator.IssueAccessToken());

        var bad = await Patch(client, $$"""[{"op": "add", "path": "/membership", "users": [{{alice.UserId}}], "groups": [{{group.Id}}]}, {"op": "add", "users": [{{alice.Id}}], "groups": [{{group.Id}}]}]""");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(0, emulator.FindUserGroup(group.Id)!.Members);

        var good = await Patch(client, $$"""[{"op": "add", "path": "/membership", "users": [{{alice.UserId}}, {{bob.UserId}}], "groups": [{{group.Id}}]}, {"op": "remove", "path": "/membership", "users": [{{bob.UserId}}], "groups": [{{group.Id}}]}]""");
        Assert.Equal(HttpStatusCode.NoContent, good.StatusCode);
        Assert.Equal(1, emulator.FindUserGroup(group.Id)!.Members);

        var profiles = await MinAppWire.ReadJsonAsync(await client.GetAsync($"oserve/v1/miniapp/user-profile/?group__in={group.Id}"));
        var profile = profiles["objects"]!.AsArray().Single()!;
        Assert.Equal(alice.UserId, (long)profile["user_id"]!);
        Assert.Equal([group.Id], profile["user_group"]!.AsArray().Select(g => (long)g!));
        Assert.Equal(HttpStatusCode.BadRequest, (await Patch(client, $$"""[{"op": "add", "users": [], "groups": [{{group.Id}}]}]""")).StatusCode);
    }

    [Fact]
    public async Task MembershipCanMatchTheProfileId()
    {
        await using var emulator = await MinAppEmulator.StartAsync(new MinAppEmulatorOptions { MembershipByProfileId = true });
        var group = emulator.AddUserGroup("g");
        var alice = emulator.AddUser("Alice");
        using var client = MinAppWire.Client(emulator, emulator.IssueAccessToken());

        var response = await Patch(client, $$"""[{"op": "add", "path": "/membership", "users": [{{alice.Id}}], "groups": [{{group.Id}}]}]""");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal([group.Id], emulator.GetUsers().Single().GroupIds);
    }

    [Fact]
    public async Task ApiCallsWithoutATokenAre401AndTheEnvironmentIsJournaled()
    {
        await using var emulator = await MinAppEmulator.StartAsync();
        using var anonymous = MinAppWire.Client(emulator);
        using var client = MinAppWire.Client(emulator, emulator.IssueAccessToken());
        client.DefaultRequestHeaders.Add("X-Hydrogen-Env-ID", "env-1");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("oserve/v1/user-group/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("oserve/v1/user-group/")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.PatchAsync("oserve/v1/user-group/", MinAppWire.Json("{}"))).StatusCode);

        Assert.Equal("env-1", emulator.Journal.Entries[1].GetHeader("X-Hydrogen-Env-ID"));
    }

    private static Task<HttpResponseMessage> Patch(HttpClient client, string json) =>
        client.PatchAsync("oserve/v1/miniapp/group/membership/", MinAppWire.Json(json));
}
