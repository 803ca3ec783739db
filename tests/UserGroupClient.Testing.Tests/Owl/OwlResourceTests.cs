using System.Net;
using System.Text.Json.Nodes;
using UserGroupClient.Testing.Owl;

namespace UserGroupClient.Testing.Tests.Owl;

/// <summary>Users, user groups, host groups and hosts: the envelope, validation, uniqueness and replace semantics (docs/wire/owl.md §4–§9).</summary>
public sealed class OwlResourceTests
{
    [Fact]
    public async Task HostGroupsAreCreatedWithHostsUpdatedByReplaceAndEchoed()
    {
        await using var owl = await OwlEmulator.StartAsync();
        var a = owl.AddHost("a", "10.0.0.1", id: "03381a1a3ea35d5a");
        var b = owl.AddHost("b", "10.0.0.2", id: "0000000000000002");
        using var client = OwlWire.AdminClient(owl);

        var created = await OwlWire.SendAsync(client, HttpMethod.Put, "api/v1/groups", """{"name":"web","hosts":[{"id":"03381a1a3ea35d5a"},{"id":"unknown"}]}""");
        var updated = await OwlWire.SendAsync(client, HttpMethod.Post, "api/v1/groups", """{"id":1,"name":"web-new","hosts":[{"id":"0000000000000002","ip":"x"}]}""");
        var listed = await OwlWire.SendAsync(client, HttpMethod.Get, "api/v1/groups?q=NEW");

        Assert.Equal("group create successful", (string?)created["message"]);
        Assert.Equal($$"""{"id":1,"name":"web","hosts":[{"id":"{{a.Id}}","name":"","ip":"10.0.0.1","sn":"{{(string?)created["group"]!["hosts"]![0]!["sn"]}}","hostname":"a","agent_version":"0.1","status":"1"}]}""", OwlWire.Compact(created["group"]));
        Assert.Equal("""{"code":200,"message":"group update successful","group":{"id":1,"name":"web-new","hosts":[{"id":"0000000000000002","name":"","ip":"x","sn":"","hostname":"","agent_version":"","status":""}]}}""", OwlWire.Compact(updated));
        Assert.Equal("""{"code":200,"groups":[{"id":1,"name":"web-new"}]}""", OwlWire.Compact(listed));
        Assert.Equal([b.Id], owl.GetHostGroups().Single().HostIds);
    }

    [Fact]
    public async Task HostGroupErrorsFollowTheEnvelope()
    {
        await using var owl = await OwlEmulator.StartAsync();
        var host = owl.AddHost("a", "10.0.0.1");
        owl.AddHostGroup("web", [host.Id]);
        owl.AddHostGroup("db");
        using var client = OwlWire.AdminClient(owl);

        var taken = await OwlWire.SendAsync(client, HttpMethod.Put, "api/v1/groups", """{"name":"WEB"}""");
        var tooLong = await OwlWire.SendAsync(client, HttpMethod.Put, "api/v1/groups", $$"""{"name":"{{new string('x', 256)}}"}""");
        var rename = await OwlWire.SendAsync(client, HttpMethod.Post, "api/v1/groups", """{"id":2,"name":"web","hosts":[]}""");
        var foreignKey = await OwlWire.SendAsync(client, HttpMethod.Post, "api/v1/groups", """{"id":2,"name":"db","hosts":[{"id":"nope"}]}""");
        var missing = await OwlWire.SendAsync(client, HttpMethod.Get, "api/v1/groups/99/hosts");

        Assert.Equal("""{"code":400,"message":"group already exists"}""", OwlWire.Compact(taken));
        Assert.Equal("""{"code":500,"message":"Error 1406: Data too long for column \u0027name\u0027 at row 1"}""", OwlWire.Compact(tooLong));
        Assert.Equal("Error 1062: Duplicate entry 'web' for key 'idx_name'", (string?)rename["message"]);
        Assert.Equal(500, (int)foreignKey["code"]!);
        Assert.Equal("""{"code":404,"message":"group not found"}""", OwlWire.Compact(missing));
    }

    [Fact]
    public async Task TheRefuseModeRefusesToDeleteWhileHostsRemain()
    {
        await using var owl = await OwlEmulator.StartAsync(new() { HostGroupDeleteMode = OwlHostGroupDeleteMode.Refuse });
        var host = owl.AddHost("a", "10.0.0.1");
        owl.AddHostGroup("test_group_new", [host.Id]);
        owl.AddHostGroup("empty");
        using var client = OwlWire.AdminClient(owl);

        using var refused = await client.DeleteAsync("api/v1/groups/1");
        var emptied = await OwlWire.SendAsync(client, HttpMethod.Delete, "api/v1/groups/2");
        var unknown = await OwlWire.SendAsync(client, HttpMethod.Delete, "api/v1/groups/2");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("""{"code":200,"message":"test_group_new contains some host, is not allowed to delete"}""", await refused.Content.ReadAsStringAsync());
        Assert.Equal("""{"message":"delete success"}""", OwlWire.Compact(emptied));
        Assert.Equal("""{"code":404,"message":"group not found"}""", OwlWire.Compact(unknown));
        Assert.Single(owl.GetHostGroups());
    }

    [Fact]
    public async Task ByDefaultAGroupWithHostsIsDeletedWithItsMembershipsAsTheV4CodeDoes()
    {
        await using var owl = await OwlEmulator.StartAsync();
        var host = owl.AddHost("a", "10.0.0.1");
        owl.AddHostGroup("web", [host.Id]);
        using var client = OwlWire.AdminClient(owl);

        var deleted = await OwlWire.SendAsync(client, HttpMethod.Delete, "api/v1/groups/1");

        Assert.Equal("""{"message":"delete success"}""", OwlWire.Compact(deleted));
        Assert.Empty(owl.GetHostGroups());
        Assert.Single(owl.GetHosts());
    }

    [Fact]
    public async Task GroupHostsArePagedWithoutTotal()
    {
        await using var owl = await OwlEmulator.StartAsync();
        var hosts = Enumerable.Range(1, 3).Select(i => owl.AddHost($"h{i}", $"10.0.0.{i}").Id).ToList();
        owl.AddHostGroup("web", hosts);
        using var client = OwlWire.AdminClient(owl);

        var first = await OwlWire.SendAsync(client, HttpMethod.Get, "api/v1/groups/1/hosts?page=1&pageSize=2");
        var beyond = await OwlWire.SendAsync(client, HttpMethod.Get, "api/v1/groups/1/hosts?page=3&pageSize=2");
        var all = await OwlWire.SendAsync(client, HttpMethod.Get, "api/v1/hosts");
        var paged = await OwlWire.SendAsync(client, HttpMethod.Get, "api/v1/hosts?page=1&pageSize=1");

        Assert.Equal(2, first["hosts"]!.AsArray().Count);
        Assert.Equal(2, (int)first["host_count"]!);
        Assert.False(first.ContainsKey("total"));
        Assert.Equal("""{"code":200,"hosts":[]}""", OwlWire.Compact(beyond));
        Assert.Equal(3, (int)all["total"]!);
        Assert.False(all["hosts"]![0]!.AsObject().ContainsKey("groups"));
        Assert.Equal("""[{"id":1,"name":"web"}]""", OwlWire.Compact(paged["hosts"]![0]!["groups"]));
    }

    [Fact]
    public async Task UsersAreListedNewestFirstWithTotalAndFilters()
    {
        await using var owl = await OwlEmulator.StartAsync();
        owl.AddUser("alice", phone: "", weixin: "wx");
        owl.AddUser("bob", status: 0);
        var group = owl.AddUserGroup("ops", [owl.FindUser("alice")!.Id]);
        using var client = OwlWire.AdminClient(owl);

        var page = await OwlWire.SendAsync(client, HttpMethod.Get, "api/v1/users?page=1&pageSize=2");
        var all = await OwlWire.SendAsync(client, HttpMethod.Get, "api/v1/users?page=0");
        var members = await OwlWire.SendAsync(client, HttpMethod.Get, $"api/v1/users?group_id={group.Id}&page=0");
        var enabled = await OwlWire.SendAsync(client, HttpMethod.Get, "api/v1/users?status=1&hasNull=1");

        Assert.Equal(["bob", "alice"], page["users"]!.AsArray().Select(u => (string?)u!["username"]));
        Assert.Equal(3, (int)page["total"]!);
        Assert.Equal(3, all["users"]!.AsArray().Count);
        Assert.Equal("""[{"id":1,"name":"ops"}]""", OwlWire.Compact(members["users"]![0]!["groups"]));
        Assert.Equal(["alice", "admin"], enabled["users"]!.AsArray().Select(u => (string?)u!["username"]));
    }

    [Fact]
    public async Task CreatedUsersLogInWithTheirUsernameAndValidationMessagesMatch()
    {
        await using var owl = await OwlEmulator.StartAsync();
        using var client = OwlWire.AdminClient(owl);

        var created = await OwlWire.SendAsync(client, HttpMethod.Put, "api/v1/users", """{"username":"dave","phone":"1","status":1,"groups":[{"id":9}]}""");
        var empty = await OwlWire.SendAsync(client, HttpMethod.Put, "api/v1/users", """{"username":"erin"}""");
        var taken = await OwlWire.SendAsync(client, HttpMethod.Put, "api/v1/users", """{"username":"Dave","phone":"1"}""");
        using var login = await OwlWire.Client(owl).PostAsync("api/v1/login", OwlWire.Json("""{"username":"dave","password":"dave"}"""));

        Assert.Equal("""{"code":200,"message":"user create successful","user":{"id":2,"username":"dave","role":0,"phone":"1","mail":"","weixin":"","status":1,"groups":[]}}""", OwlWire.Compact(created));
        Assert.Equal("The username and phone number are not allowed to be empty", (string?)empty["message"]);
        Assert.Equal("""{"code":400,"message":"username already exists"}""", OwlWire.Compact(taken));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task UserUpdatesWriteEveryFieldReplaceTheGroupsAndChangeNothingForAnUnknownId()
    {
        await using var owl = await OwlEmulator.StartAsync();
        var alice = owl.AddUser("alice", role: 1, phone: "137", weixin: "wx");
        owl.AddUserGroup("ops", [alice.Id]);
        using var client = OwlWire.AdminClient(owl);

        var partial = await OwlWire.SendAsync(client, HttpMethod.Post, "api/v1/users", $$"""{"id":{{alice.Id}},"username":"alice","phone":"137"}""");
        var unknownWithoutGroups = await OwlWire.SendAsync(client, HttpMethod.Post, "api/v1/users", """{"id":99,"username":"ghost","phone":"1"}""");
        var unknownWithGroups = await OwlWire.SendAsync(client, HttpMethod.Post, "api/v1/users", """{"id":99,"username":"ghost","phone":"1","groups":[{"id":1}]}""");

        Assert.Equal("""{"code":200,"message":"user update successful"}""", OwlWire.Compact(partial));
        var stored = owl.FindUser("alice")!;
        Assert.Equal((0, 0, "137", "", ""), (stored.Role, stored.Status, stored.Phone, stored.Mail, stored.Weixin));
        Assert.Empty(stored.UserGroupIds);
        Assert.Equal("""{"code":200,"message":"user update successful"}""", OwlWire.Compact(unknownWithoutGroups));
        Assert.Equal(500, (int)unknownWithGroups["code"]!);
        Assert.Equal(2, owl.GetUsers().Count);
        Assert.Empty(owl.GetUserGroups().Single().UserIds);
    }

    [Fact]
    public async Task UserGroupUpdatesReplaceMembersKeepTheStoredNameSkipUnknownIdsAndEchoTheRequest()
    {
        await using var owl = await OwlEmulator.StartAsync();
        var alice = owl.AddUser("alice");
        owl.AddUserGroup("ops", [1]);
        using var client = OwlWire.AdminClient(owl);

        var updated = await OwlWire.SendAsync(client, HttpMethod.Post, "api/v1/usergroups", $$"""[{"id":1,"name":"renamed","users":[{"id":{{alice.Id}}},{"id":77}]},{"id":42,"name":"x","users":[]}]""");
        var stored = owl.GetUserGroups().Single().UserIds;
        var taken = await OwlWire.SendAsync(client, HttpMethod.Put, "api/v1/usergroups", """{"name":"OPS"}""");
        var deleted = await OwlWire.SendAsync(client, HttpMethod.Delete, "api/v1/usergroups/1");
        var missing = await OwlWire.SendAsync(client, HttpMethod.Delete, "api/v1/usergroups/1");

        // The answer is the request's array: each known group with its stored name, unknown ones as sent, users as sent.
        Assert.Equal("user group update successful", (string?)updated["message"]);
        Assert.Equal(
            $$"""[{"id":1,"name":"ops","users":[{"id":{{alice.Id}},"username":"","role":0,"phone":"","mail":"","weixin":"","status":0},{"id":77,"username":"","role":0,"phone":"","mail":"","weixin":"","status":0}]},{"id":42,"name":"x","users":[]}]""",
            OwlWire.Compact(updated["groups"]));
        Assert.Equal([alice.Id], stored);
        Assert.Equal("""{"code":400,"message":"user group already exists"}""", OwlWire.Compact(taken));
        Assert.Equal("""{"code":200,"message":"ops delete successful"}""", OwlWire.Compact(deleted));
        Assert.Equal("""{"code":404,"message":"The usergroup not found"}""", OwlWire.Compact(missing));
    }

    [Theory]
    [InlineData("PUT", "api/v1/groups", "{\"name\":")]
    [InlineData("PUT", "api/v1/groups", "{\"name\":5}")]
    [InlineData("POST", "api/v1/usergroups", "{\"id\":1}")]
    [InlineData("PUT", "api/v1/users", "")]
    public async Task MalformedJsonIsARealBadRequest(string method, string path, string body)
    {
        await using var owl = await OwlEmulator.StartAsync();
        using var client = OwlWire.AdminClient(owl);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = OwlWire.Json(body) };

        using var response = await client.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, (int)json["code"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (HttpStatusCode)owl.Journal.Entries[^1].StatusCode);
    }

    [Fact]
    public async Task UnknownRoutesAreGinsPlainTextNotFound()
    {
        await using var owl = await OwlEmulator.StartAsync();
        using var client = OwlWire.AdminClient(owl);

        using var response = await client.GetAsync("api/v1/groups/1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404 page not found", await response.Content.ReadAsStringAsync());
    }
}
