using System.Net;
using System.Text.Json;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.JumpServer;

/// <summary>The JSON shapes of docs/wire/jumpserver.md §2 and the vendor doc parse into the wire models.</summary>
public sealed class JumpServerWireFormatTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";

    [Fact]
    public void TheV4DetailShapeParses()
    {
        const string json = """
            {"id": "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff", "name": "api_test", "comment": "", "users":
             [{"id": "a0b1c2d3-0000-4000-8000-000000000001", "name": "Alice", "is_service_account": false}],
             "labels": [{"id": "l1", "name": "env", "value": "prod", "color": ""}],
             "org_id": "00000000-0000-0000-0000-000000000002", "org_name": "DEFAULT", "created_by": "Administrator",
             "date_created": "2025/01/15 10:20:30 +0800"}
            """;

        var group = JsonSerializer.Deserialize(json, JumpServerJsonContext.Default.JumpServerUserGroup)!;

        Assert.Equal("api_test", group.Name);
        Assert.Equal(new JumpServerUserReference("a0b1c2d3-0000-4000-8000-000000000001", "Alice", false), group.Users![0]);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 10, 20, 30, TimeSpan.FromHours(8)), group.DateCreated);
        Assert.Equal("prod", group.Labels![0].Value);
        Assert.Null(group.UsersAmount);
    }

    [Fact]
    public void TheV2ShapeWithIdStringsParses()
    {
        const string json = """{"id": "g", "name": "n", "users": ["u1", "u2"], "users_amount": 2, "date_created": "2021-04-20 10:07:55 +0800"}""";

        var group = JsonSerializer.Deserialize(json, JumpServerJsonContext.Default.JumpServerUserGroup)!;

        Assert.Equal(["u1", "u2"], group.Users!.Select(u => u.Id));
        Assert.Equal(2, group.UsersAmount);
        Assert.Equal(new DateTimeOffset(2021, 4, 20, 10, 7, 55, TimeSpan.FromHours(8)), group.DateCreated);
    }

    [Fact]
    public void TheVendorDocResponseFieldsParse()
    {
        // The vendor doc lists users as String[] and users_amount as a field of the create answer (a v2 shape).
        const string json = """
            {"id": "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff", "name": "api_test", "comment": "", "created_by": "admin",
             "users": [], "users_amount": 0, "org_id": "00000000-0000-0000-0000-000000000002", "org_name": "Default",
             "date_created": "2024/05/20 16:32:01 +0800"}
            """;

        var group = JsonSerializer.Deserialize(json, JumpServerJsonContext.Default.JumpServerUserGroup)!;

        Assert.Equal("Default", group.OrgName);
        Assert.Empty(group.Users!);
    }

    [Fact]
    public void IsoDatesParseToo()
    {
        var group = JsonSerializer.Deserialize("""{"id": "g", "name": "n", "date_created": "2025-01-15T02:20:30Z"}""", JumpServerJsonContext.Default.JumpServerUserGroup)!;

        Assert.Equal(new DateTimeOffset(2025, 1, 15, 2, 20, 30, TimeSpan.Zero), group.DateCreated);
    }

    [Fact]
    public void DatesAreWrittenInTheServersFormat()
    {
        var json = JsonSerializer.Serialize(new DateTimeOffset(2025, 1, 15, 10, 20, 30, TimeSpan.FromHours(8)), JumpServerJsonContext.Default.DateTimeOffset);

        using var document = JsonDocument.Parse(json);
        Assert.Equal("2025/01/15 10:20:30 +0800", document.RootElement.GetString());
    }

    [Theory]
    [InlineData("2025/01/15 10:20:30 +0800", "2025-01-15T10:20:30+08:00")]
    [InlineData("2024/02/29 23:59:59 -0530", "2024-02-29T23:59:59-05:30")]
    [InlineData("2025/12/31 00:00:00 +0000", "2025-12-31T00:00:00+00:00")]
    [InlineData("2025-01-15 10:20:30 +0800", "2025-01-15T10:20:30+08:00")]
    [InlineData("2025-01-15T02:20:30.5Z", "2025-01-15T02:20:30.5+00:00")]
    public void DatesAreReadInEveryShapeTheServerWrites(string wire, string expected)
    {
        var group = JsonSerializer.Deserialize($$"""{"id": "g", "name": "n", "date_created": "{{wire}}"}""", JumpServerJsonContext.Default.JumpServerUserGroup)!;

        var want = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(want, group.DateCreated);
        Assert.Equal(want.Offset, group.DateCreated!.Value.Offset);
    }

    [Theory]
    [InlineData("2025/13/15 10:20:30 +0800")]
    [InlineData("2025/02/29 10:20:30 +0800")]
    [InlineData("2025/01/15 24:00:00 +0800")]
    [InlineData("2025/01/15 10:20:30 +1500")]
    [InlineData("2025/01/15 10:20:3x +0800")]
    [InlineData("yesterday")]
    public void AnythingElseIsNotADate(string wire)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize($$"""{"id": "g", "name": "n", "date_created": "{{wire}}"}""", JumpServerJsonContext.Default.JumpServerUserGroup));
    }

    [Fact]
    public void APageObjectParses()
    {
        var page = JsonSerializer.Deserialize("""{"count": 3, "next": "http://x/?limit=1&offset=1", "previous": null, "results": [{"id": "a", "name": "A", "users_amount": 4}]}""", JumpServerJsonContext.Default.JumpServerPageJumpServerUserGroup)!;

        Assert.Equal(3, page.Count);
        Assert.Equal("http://x/?limit=1&offset=1", page.Next);
        Assert.Equal(4, page.Results[0].UsersAmount);
    }

    // The server answers a plain array only when no limit is given, and the SDK always gives one (docs/wire/jumpserver.md §3).
    [Theory]
    [InlineData("""[{"id": "a", "name": "A"}]""")]
    [InlineData("""{"count": 1}""")]
    [InlineData("""{"results": []}""")]
    [InlineData("""{"count": 1, "results": null}""")]
    [InlineData("""{"count": 2, "results": [{"id": "a", "name": "A"}, null]}""")]
    public void AnythingButACompletePageIsRefused(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, JumpServerJsonContext.Default.JumpServerPageJumpServerUserGroup));
    }

    [Fact]
    public async Task CreateSendsTheVendorDocsBody()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Created, $$"""{"id": "{{GroupId}}", "name": "api_test", "comment": ""}"""));
        using var jms = new JumpServerStub(stub);

        var created = await jms.Client.UserGroups.CreateAsync(new JumpServerUserGroupCreate("api_test"));

        var sent = stub.Requests.Single();
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/api/v1/users/groups/", sent.PathAndQuery);
        Assert.Equal("""{"name":"api_test"}""", sent.Body);
        Assert.Equal(JumpServerOrganizations.Default, sent.Header("X-JMS-ORG"));
        Assert.Equal("Bearer test-token", sent.Header("Authorization"));
        Assert.Equal(GroupId, created.Id);
    }
}
