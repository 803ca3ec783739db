using System.Net;
using System.Text.Json.Nodes;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.Testing.Tests.JumpServer;

/// <summary>List shapes, caps, links and the 200-row cut of unpaged lists (docs/wire/jumpserver.md §3).</summary>
public sealed class GroupPagingTests
{
    private const string Groups = "/api/v1/users/groups/";

    [Fact]
    public async Task LimitGivesAPageObjectWithSortedLinks()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        Seed(jms, 12);
        using var client = Wire.AdminClient(jms);

        var first = await GetAsync(client, Groups + "?search=g&limit=5");
        var second = await GetAsync(client, Groups + "?limit=5&offset=5");
        var last = await GetAsync(client, Groups + "?limit=5&offset=10");

        var origin = jms.BaseAddress.GetLeftPart(UriPartial.Authority);
        Assert.Equal(12, (int)first["count"]!);
        Assert.Equal($"{origin}{Groups}?limit=5&offset=5&search=g", (string?)first["next"]);
        Assert.Null(first["previous"]);
        Assert.Equal(["g00", "g01", "g02", "g03", "g04"], Names(first));
        Assert.Equal($"{origin}{Groups}?limit=5", (string?)second["previous"]);
        Assert.Equal($"{origin}{Groups}?limit=5&offset=5", (string?)last["previous"]);
        Assert.Null(last["next"]);
        Assert.Equal(["g10", "g11"], Names(last));
    }

    [Fact]
    public async Task ListItemsCarryUsersAmountButNoUsers()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var user = jms.AddUser("u1");
        var robot = jms.AddUser("robot", isServiceAccount: true);
        jms.AddGroup("team", userIds: [user.Id, robot.Id]);
        using var client = Wire.AdminClient(jms);

        var item = (await GetAsync(client, Groups + "?limit=10"))["results"]![0]!.AsObject();

        Assert.False(item.ContainsKey("users"));
        Assert.Equal(1, (int)item["users_amount"]!);
        Assert.Equal("DEFAULT", (string?)item["org_name"]);
        Assert.Equal(JumpServerEmulator.DefaultOrganizationId, (string?)item["org_id"]);
        Assert.Equal("System", (string?)item["created_by"]);
        Assert.Empty(item["labels"]!.AsArray());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("ten")]
    [InlineData("")]
    public async Task NonPositiveOrBadLimitMeansNoPaging(string limit)
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        Seed(jms, 3);
        using var client = Wire.AdminClient(jms);

        var body = await GetNodeAsync(client, $"{Groups}?limit={limit}");

        Assert.Equal(3, body!.AsArray().Count);
    }

    [Fact]
    public async Task UnpagedListIsCutTo200RowsOnV4Only()
    {
        await using var v4 = await JumpServerEmulator.StartAsync();
        await using var v3 = await JumpServerEmulator.StartAsync(new() { Version = JumpServerEmulatorVersion.V3_10 });
        Seed(v4, 205);
        Seed(v3, 205);
        using var v4Client = Wire.AdminClient(v4);
        using var v3Client = Wire.AdminClient(v3);

        Assert.Equal(200, (await GetNodeAsync(v4Client, Groups))!.AsArray().Count);
        Assert.Equal(205, (await GetNodeAsync(v3Client, Groups))!.AsArray().Count);
        Assert.Equal(205, (int)(await GetAsync(v4Client, Groups + "?limit=1"))["count"]!);
    }

    [Theory]
    [InlineData(JumpServerEmulatorVersion.V2_28, null, 100)]
    [InlineData(JumpServerEmulatorVersion.V4_10, 7, 7)]
    public async Task LimitIsCapped(JumpServerEmulatorVersion version, int? maxPageSize, int expected)
    {
        await using var jms = await JumpServerEmulator.StartAsync(new() { Version = version, MaxPageSize = maxPageSize });
        Seed(jms, 101);
        using var client = Wire.AdminClient(jms);

        var page = await GetAsync(client, Groups + "?limit=100000");

        Assert.Equal(expected, page["results"]!.AsArray().Count);
        Assert.Contains($"limit={expected}&offset={expected}", (string?)page["next"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("-1", 3)]
    [InlineData("99", 0)]
    public async Task OffsetBadValueMeansZeroAndPastTheEndIsEmpty(string offset, int expected)
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        Seed(jms, 3);
        using var client = Wire.AdminClient(jms);

        var page = await GetAsync(client, $"{Groups}?limit=10&offset={offset}");

        Assert.Equal(3, (int)page["count"]!);
        Assert.Equal(expected, page["results"]!.AsArray().Count);
    }

    [Fact]
    public async Task FiltersAndOrdering()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var alpha = jms.AddGroup("Alpha", comment: "b");
        var beta = jms.AddGroup("beta", comment: "a");
        jms.AddGroup("gamma", comment: "c");
        using var client = Wire.AdminClient(jms);

        Assert.Equal(["beta"], Names(await GetAsync(client, Groups + "?limit=9&search=A,T")));
        Assert.Equal(["beta"], Names(await GetAsync(client, Groups + "?limit=9&q=bet")));
        Assert.Empty(Names(await GetAsync(client, Groups + "?limit=9&name=alpha")));
        Assert.Equal(["Alpha"], Names(await GetAsync(client, Groups + "?limit=9&name=Alpha")));
        Assert.Equal(["beta", "Alpha"], Names(await GetAsync(client, $"{Groups}?limit=9&ids={beta.Id},{alpha.Id}&order=comment")));
        Assert.Equal(["Alpha"], Names(await GetAsync(client, $"{Groups}?limit=9&id__in={alpha.Id},not-a-uuid")));
        Assert.Equal(["gamma", "beta", "Alpha"], Names(await GetAsync(client, Groups + "?limit=9&order=-name")));
        Assert.Equal(["Alpha", "beta", "gamma"], Names(await GetAsync(client, Groups + "?limit=9&order=bogus")));
    }

    [Fact]
    public async Task FieldsSizeTrimsGetOutput()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var group = jms.AddGroup("tiny");
        using var client = Wire.AdminClient(jms);

        var mini = (await GetAsync(client, Groups + "?limit=1&fields_size=mini"))["results"]![0]!.AsObject();
        var detail = await GetAsync(client, $"{Groups}{group.Id}/?fields_size=small");

        Assert.Equal(["id", "name"], mini.Select(property => property.Key));
        Assert.Equal(["id", "name", "comment", "created_by", "date_created"], detail.AsObject().Select(property => property.Key));
    }

    private static void Seed(JumpServerEmulator jms, int count)
    {
        for (var i = 0; i < count; i++)
        {
            jms.AddGroup($"g{i:00}");
        }
    }

    private static string[] Names(JsonNode page) =>
        page["results"]!.AsArray().Select(item => (string)item!["name"]!).ToArray();

    private static async Task<JsonNode> GetAsync(HttpClient client, string path) => (await GetNodeAsync(client, path))!;

    private static async Task<JsonNode?> GetNodeAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Wire.ReadJsonAsync(response);
    }
}
