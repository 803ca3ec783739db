using System.Net;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.Testing.Tests.Kylin;

/// <summary>The web UI's v4 API and v2 <c>usersWithGroup</c> of Kylin 5 and KE 4 (docs/wire/kylin.md §12.2): groups by uuid.</summary>
public sealed class KylinV4UiApiTests
{
    private const string V4 = "application/vnd.apache.kylin-v4+json";

    [Fact]
    public async Task UsersWithGroupGivesEachGroupItsUuidAndMembers()
    {
        await using var kylin = await StartAsync(KylinEmulatorFlavor.Kylin5);
        kylin.AddUser("alice", "pw");
        kylin.AddGroup("ops", ["alice"]);
        using var http = KylinWire.Client(kylin, accept: V4);

        using var response = await http.GetAsync("user_group/users_with_group?user_group_name=OP");
        var body = await KylinWire.ReadJsonAsync(response);
        var item = body["data"]!["value"]![0]!;

        Assert.Equal("get users with group and id", (string?)body["msg"]);
        Assert.Equal(1, (int)body["data"]!["total_size"]!);
        Assert.Equal(0, (int)body["data"]!["limit"]!);
        Assert.Equal("ops", (string?)item["group_name"]);
        Assert.Equal("ops", (string?)item["first"]);
        Assert.Equal("""["alice"]""", item["users"]!.ToJsonString());
        Assert.True(Guid.TryParse((string?)item["uuid"], out _));
    }

    [Theory]
    [InlineData(KylinEmulatorFlavor.Kylin5)]
    [InlineData(KylinEmulatorFlavor.KyligenceEnterprise4)]
    public async Task TheUiApiAddressesGroupsByUuid(KylinEmulatorFlavor flavor)
    {
        await using var kylin = await StartAsync(flavor);
        kylin.AddUser("alice", "pw");
        kylin.AddGroup("ops", ["alice"]);
        using var http = KylinWire.Client(kylin, accept: V4);
        var uuid = await UuidOfAsync(http, "ops");

        using var members = await http.GetAsync($"user_group/group_members/{uuid}");
        using var byName = await http.GetAsync("user_group/group_members/ops");
        using var deleteByName = await http.DeleteAsync("user_group/ops");
        using var deleted = await http.DeleteAsync($"user_group/{uuid}");
        var membersBody = await KylinWire.ReadJsonAsync(members);
        var alice = membersBody["data"]!["value"]![0]!;

        Assert.Equal("get groups members", (string?)membersBody["msg"]);
        Assert.Equal("alice", (string?)alice["username"]);
        Assert.Null(alice["password"]);
        Assert.NotNull(alice["defaultPassword"]);
        Assert.Equal(HttpStatusCode.InternalServerError, byName.StatusCode);
        Assert.Equal("KE-010004001(Usergroup Not Exist):Can’t operate user group (UUID: ops). Please check and try again.", (string?)(await KylinWire.ReadJsonAsync(byName))["msg"]);
        Assert.Equal(HttpStatusCode.InternalServerError, deleteByName.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.DoesNotContain("ops", kylin.GetGroups());
    }

    [Fact]
    public async Task GroupsArePagedOnKylin5AndListedWholeOnKe4()
    {
        await using var kylin5 = await StartAsync(KylinEmulatorFlavor.Kylin5);
        await using var ke4 = await StartAsync(KylinEmulatorFlavor.KyligenceEnterprise4);
        using var http5 = KylinWire.Client(kylin5, accept: V4);
        using var http4 = KylinWire.Client(ke4, accept: V4);

        using var paged = await http5.GetAsync("user_group/groups?page_size=2");
        using var whole = await http4.GetAsync("user_group/groups?page_size=2");

        Assert.Equal("""{"code":"000","data":{"value":["ALL_USERS","ROLE_ADMIN"],"total_size":4,"offset":0,"limit":2},"msg":"get groups"}""", (await KylinWire.ReadJsonAsync(paged)).ToJsonString());
        Assert.Equal("""{"code":"000","data":["ALL_USERS","ROLE_ADMIN","ROLE_ANALYST","ROLE_MODELER"],"msg":"get groups"}""", (await KylinWire.ReadJsonAsync(whole)).ToJsonString());
        Assert.Equal(V4, paged.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task OnlyUsersWithGroupIsServedToTheV2MediaType()
    {
        await using var kylin = await StartAsync(KylinEmulatorFlavor.KyligenceEnterprise4);
        using var http = KylinWire.Client(kylin);

        using var response = await http.GetAsync("user_group/usersWithGroup?pageOffset=0&pageSize=2");
        var body = await KylinWire.ReadJsonAsync(response);
        var first = body["data"]!["usersWithGroup"]![0]!;

        Assert.Equal("get users with group", (string?)body["msg"]);
        Assert.Equal(4, (int)body["data"]!["size"]!);
        Assert.Equal("ALL_USERS", (string?)first["first"]);
        Assert.Equal("ALL_USERS", (string?)first["key"]);
        Assert.Equal("""["ADMIN"]""", first["value"]!.ToJsonString());
    }

    private static async Task<string> UuidOfAsync(HttpClient http, string group)
    {
        using var response = await http.GetAsync($"user_group/users_with_group?user_group_name={group}");
        return (string)(await KylinWire.ReadJsonAsync(response))["data"]!["value"]![0]!["uuid"]!;
    }

    private static Task<KylinEmulator> StartAsync(KylinEmulatorFlavor flavor) =>
        KylinEmulator.StartAsync(new KylinEmulatorOptions { Flavor = flavor });
}
