using System.Net;
using System.Text.Json.Nodes;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.Testing.Tests.JumpServer;

/// <summary>Create, read, update and delete of single groups, and their shapes per version (docs/wire/jumpserver.md §1.1, §2).</summary>
public sealed class GroupResourceTests
{
    private const string Groups = "/api/v1/users/groups/";

    [Fact]
    public async Task CreateAnswersTheDetailShape()
    {
        var clock = new ManualClock(new DateTimeOffset(2025, 1, 15, 2, 20, 30, TimeSpan.Zero));
        await using var jms = await JumpServerEmulator.StartAsync(new() { TimeProvider = clock });
        var user = jms.AddUser("dave", name: "Dave D");
        using var client = Wire.AdminClient(jms);

        using var response = await client.PostAsync(Groups, Wire.Json($"{{\"name\":\"  ops  \",\"comment\":\"on call\",\"users\":[{{\"pk\":\"{user.Id}\"}}]}}"));
        var body = (await Wire.ReadJsonAsync(response))!.AsObject();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("ops", (string?)body["name"]);
        Assert.Equal("on call", (string?)body["comment"]);
        Assert.Equal($"[{{\"id\":\"{user.Id}\",\"name\":\"Dave D\",\"is_service_account\":false}}]", Wire.Compact(body["users"]));
        Assert.False(body.ContainsKey("users_amount"));
        Assert.Equal("2025/01/15 10:20:30 +0800", (string?)body["date_created"]);
        Assert.Equal("Administrator", (string?)body["created_by"]);
        Assert.Equal("DEFAULT", (string?)body["org_name"]);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", (string?)body["id"]);
        Assert.Equal([user.Id], jms.FindGroup((string)body["id"]!)!.UserIds);
    }

    [Fact]
    public async Task V2UsesIdStringsAndUsersAmountEverywhere()
    {
        await using var jms = await JumpServerEmulator.StartAsync(new() { Version = JumpServerEmulatorVersion.V2_28 });
        var user = jms.AddUser("erin");
        var group = jms.AddGroup("legacy", userIds: [user.Id]);
        using var client = Wire.AdminClient(jms);

        var detail = await GetAsync(client, $"{Groups}{group.Id}/");
        var item = (await GetAsync(client, Groups))[0]!.AsObject();

        Assert.Equal($"[\"{user.Id}\"]", Wire.Compact(detail["users"]));
        Assert.Equal(1, (int)detail["users_amount"]!);
        Assert.False(detail.AsObject().ContainsKey("labels"));
        Assert.Equal($"[\"{user.Id}\"]", Wire.Compact(item["users"]));
        Assert.Matches("^[0-9a-f-]{36}$", jms.AddAccessKey("admin").Secret);
    }

    [Theory]
    [InlineData("{}", "{\"name\":[\"This field is required.\"]}")]
    [InlineData("{\"name\":\"   \"}", "{\"name\":[\"This field may not be blank.\"]}")]
    [InlineData("{\"name\":null}", "{\"name\":[\"This field may not be null.\"]}")]
    [InlineData("{\"name\":true}", "{\"name\":[\"Not a valid string.\"]}")]
    [InlineData("{\"name\":\"taken\"}", "{\"name\":[\"This field must be unique.\"]}")]
    [InlineData("{\"name\":\"x\",\"users\":[\"00000000-0000-0000-0000-0000000000aa\"]}", "{\"users\":[\"Invalid pk \\\"00000000-0000-0000-0000-0000000000aa\\\" - object does not exist.\"]}")]
    [InlineData("{\"name\":\"x\",\"users\":\"abc\"}", "{\"users\":[\"Expected a list of items but got type \\\"str\\\".\"]}")]
    [InlineData("[\"x\"]", "[{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got str.\"]}]")]
    [InlineData("[{\"name\":\"dup\"},{\"name\":\"dup\"}]", "[{},{\"name\":[\"This field must be unique.\"]}]")]
    public async Task ValidationErrorsHaveDrfShapes(string json, string expected)
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        jms.AddGroup("taken");
        using var client = Wire.AdminClient(jms);

        using var response = await client.PostAsync(Groups, Wire.Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
        Assert.Single(jms.GetGroups());
    }

    [Fact]
    public async Task NameLongerThan128IsRefusedAndNamesAreTrimmed()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = Wire.AdminClient(jms);

        using var tooLong = await client.PostAsync(Groups, Wire.Json($"{{\"name\":\"{new string('n', 129)}\"}}"));
        using var justRight = await client.PostAsync(Groups, Wire.Json($"{{\"name\":\" {new string('n', 128)} \"}}"));

        Assert.Equal("{\"name\":[\"Ensure this field has no more than 128 characters.\"]}", await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, justRight.StatusCode);
    }

    [Fact]
    public async Task UserOutsideTheOrganizationIsAnUnknownPk()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var other = jms.AddOrganization("other");
        var outsider = jms.AddUser("outsider", organizationIds: [other]);
        using var client = Wire.AdminClient(jms);

        using var response = await client.PostAsync(Groups, Wire.Json($"{{\"name\":\"g\",\"users\":[\"{outsider.Id}\"]}}"));

        Assert.Equal($"{{\"users\":[\"Invalid pk \\\"{outsider.Id}\\\" - object does not exist.\"]}}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CreatingInRootIsRefusedWithABareArray()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = Wire.AdminClient(jms);
        client.DefaultRequestHeaders.Add("X-JMS-ORG", JumpServerEmulator.RootOrganizationId);

        using var response = await client.PostAsync(Groups, Wire.Json("{\"name\":\"nowhere\"}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("[\"Please save in a org\"]", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MalformedJsonIsAParseError()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = Wire.AdminClient(jms);

        using var response = await client.PostAsync(Groups, Wire.Json("{\"name\":"));
        var body = await Wire.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("parse_error", (string?)body!["code"]);
        Assert.StartsWith("JSON parse error - ", (string?)body["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsupportedContentTypeIs415()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = Wire.AdminClient(jms);

        using var response = await client.PostAsync(Groups, new StringContent("name=x", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("unsupported_media_type", (string?)(await Wire.ReadJsonAsync(response))!["code"]);
    }

    [Fact]
    public async Task PatchUsersReplacesTheSetAndPutWithoutUsersKeepsIt()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var a = jms.AddUser("a");
        var b = jms.AddUser("b");
        var c = jms.AddUser("c");
        var group = jms.AddGroup("team", userIds: [a.Id, b.Id]);
        using var client = Wire.AdminClient(jms);

        using var patch = await client.PatchAsync($"{Groups}{group.Id}/", Wire.Json($"{{\"users\":[\"{b.Id}\",\"{c.Id}\"]}}"));
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal([b.Id, c.Id], jms.FindGroup(group.Id)!.UserIds);

        using var put = await client.PutAsync($"{Groups}{group.Id}/", Wire.Json("{\"name\":\"renamed\",\"comment\":\"c\"}"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("renamed", jms.FindGroup(group.Id)!.Name);
        Assert.Equal([b.Id, c.Id], jms.FindGroup(group.Id)!.UserIds);

        using var putWithoutName = await client.PutAsync($"{Groups}{group.Id}/", Wire.Json("{\"comment\":\"c\"}"));
        Assert.Equal("{\"name\":[\"This field is required.\"]}", await putWithoutName.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RenamingOntoAnotherGroupIsADuplicate()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        jms.AddGroup("first");
        var second = jms.AddGroup("second");
        using var client = Wire.AdminClient(jms);

        using var response = await client.PatchAsync($"{Groups}{second.Id}/", Wire.Json("{\"name\":\"first\"}"));

        Assert.Equal("{\"name\":[\"This field must be unique.\"]}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MissingGroupIs404AndV4AlsoFindsByName()
    {
        await using var v4 = await JumpServerEmulator.StartAsync();
        await using var v3 = await JumpServerEmulator.StartAsync(new() { Version = JumpServerEmulatorVersion.V3_10 });
        var group = v4.AddGroup("by-name");
        v3.AddGroup("by-name");
        using var v4Client = Wire.AdminClient(v4);
        using var v3Client = Wire.AdminClient(v3);

        using var missing = await v4Client.GetAsync($"{Groups}{Guid.NewGuid()}/");
        using var byName = await v4Client.GetAsync($"{Groups}by-name/");
        using var v3ByName = await v3Client.GetAsync($"{Groups}by-name/");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("{\"detail\":\"UserGroup object does not exist.\",\"code\":\"object_does_not_exist\"}", await missing.Content.ReadAsStringAsync());
        Assert.Equal(group.Id, (string?)(await Wire.ReadJsonAsync(byName))!["id"]);
        Assert.Equal(HttpStatusCode.NotFound, v3ByName.StatusCode);
        Assert.Equal("{\"detail\":\"Object object does not exist.\",\"code\":\"object_does_not_exist\"}", await v3ByName.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DeleteAnswers204AndRemovesTheGroup()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var group = jms.AddGroup("doomed");
        using var client = Wire.AdminClient(jms);

        using var response = await client.DeleteAsync($"{Groups}{group.Id}/");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Null(jms.FindGroup(group.Id));
    }

    [Fact]
    public async Task AddAllUsersAnswers200WithEmptyBody()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var a = jms.AddUser("a");
        var group = jms.AddGroup("everyone");
        using var client = Wire.AdminClient(jms);

        using var response = await client.PostAsync($"{Groups}{group.Id}/add-all-users/", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal([jms.Admin.Id, a.Id], jms.FindGroup(group.Id)!.UserIds);
    }

    [Fact]
    public async Task BulkCreateAndBulkUpdate()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = Wire.AdminClient(jms);

        using var created = await client.PostAsync(Groups, Wire.Json("[{\"name\":\"one\"},{\"name\":\"two\"}]"));
        var rows = (await Wire.ReadJsonAsync(created))!.AsArray();
        using var updated = await client.PatchAsync(Groups, Wire.Json($"[{{\"id\":\"{rows[0]!["id"]}\",\"comment\":\"1\"}},{{\"pk\":\"{rows[1]!["id"]}\",\"name\":\"deux\"}}]"));
        using var noId = await client.PatchAsync(Groups, Wire.Json("[{\"comment\":\"x\"}]"));
        using var notAList = await client.PutAsync(Groups, Wire.Json("{\"name\":\"x\"}"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(["deux", "one"], jms.GetGroups().Select(group => group.Name));
        Assert.Equal("[[\"id or pk not in data\"]]", await noId.Content.ReadAsStringAsync());
        Assert.Equal("{\"non_field_errors\":[\"Expected a list of items but got type \\\"dict\\\".\"]}", await notAList.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WrongMethodIs405WithAllow()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var group = jms.AddGroup("g");
        using var client = Wire.AdminClient(jms);

        using var response = await client.PostAsync($"{Groups}{group.Id}/", Wire.Json("{}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("{\"detail\":\"Method \\\"POST\\\" not allowed.\",\"code\":\"method_not_allowed\"}", await response.Content.ReadAsStringAsync());
        Assert.Equal(["GET", "PUT", "PATCH", "DELETE", "HEAD"], response.Content.Headers.Allow);
    }

    private static async Task<JsonNode> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Wire.ReadJsonAsync(response))!;
    }
}
