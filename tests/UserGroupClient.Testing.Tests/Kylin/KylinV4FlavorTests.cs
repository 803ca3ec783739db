using System.Net;
using System.Text.Json.Nodes;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.Testing.Tests.Kylin;

/// <summary>The emulator as Kylin 5 and Kyligence Enterprise 4.x, through the v4-public open API (docs/wire/kylin.md §12).</summary>
public sealed class KylinV4FlavorTests
{
    private const string Public = "application/vnd.apache.kylin-v4-public+json";

    public static TheoryData<KylinEmulatorFlavor> Flavors => new() { KylinEmulatorFlavor.Kylin5, KylinEmulatorFlavor.KyligenceEnterprise4 };

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task GroupsArePagedByPageIndexWithTheTotal(KylinEmulatorFlavor flavor)
    {
        await using var kylin = await StartAsync(flavor);
        kylin.AddGroup("g1");
        using var http = KylinWire.Client(kylin, accept: Public);

        using var second = await http.GetAsync("user_group/groups?page_offset=1&page_size=2");
        using var past = await http.GetAsync("user_group/groups?page_offset=3&page_size=2");
        using var filtered = await http.GetAsync("user_group/groups?group_name=role");
        using var caseSensitive = await http.GetAsync("user_group/groups?group_name=role&is_case_sensitive=true");

        Assert.Equal("""{"code":"000","data":{"value":["ROLE_ANALYST","ROLE_MODELER"],"total_size":5,"offset":1,"limit":2},"msg":""}""", (await KylinWire.ReadJsonAsync(second)).ToJsonString());
        Assert.Equal(Public, second.Content.Headers.ContentType!.MediaType);
        Assert.Empty((await KylinWire.ReadJsonAsync(past))["data"]!["value"]!.AsArray());
        Assert.Equal(3, (int)(await KylinWire.ReadJsonAsync(filtered))["data"]!["total_size"]!);
        Assert.Equal(0, (int)(await KylinWire.ReadJsonAsync(caseSensitive))["data"]!["total_size"]!);
    }

    [Theory]
    [InlineData("page_size=-1", HttpStatusCode.BadRequest, "KE-010000003(Invalid Parameter):fromIndex(0) > toIndex(-1)")]
    [InlineData("page_offset=-1", HttpStatusCode.InternalServerError, "KE-000000001(UNKNOWN ERRORCODE): fromIndex = -10")]
    [InlineData("page_offset=first", HttpStatusCode.BadRequest, "KE-010000003(Invalid Parameter):Failed to convert value of type 'java.lang.String' to required type 'java.lang.Integer'; nested exception is java.lang.NumberFormatException: For input string: \"first\"")]
    public async Task BadPagingIsRefusedAsJavaRefusesIt(string query, HttpStatusCode status, string message)
    {
        await using var kylin = await StartAsync(KylinEmulatorFlavor.Kylin5);
        using var http = KylinWire.Client(kylin, accept: Public);

        using var response = await http.GetAsync($"user_group/groups?{query}");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(message, (string?)(await KylinWire.ReadJsonAsync(response))["msg"]);
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task MembersAreUserInfoWithoutPasswordsFilteredAndPaged(KylinEmulatorFlavor flavor)
    {
        await using var kylin = await StartAsync(flavor);
        kylin.AddUser("alice", "pw");
        kylin.AddUser("Albert", "pw");
        kylin.AddUser("bob", "pw");
        using var http = KylinWire.Client(kylin, accept: Public);

        using var all = await http.GetAsync("user_group/group_members/ALL_USERS?page_size=2");
        using var filtered = await http.GetAsync("user_group/group_members/ALL_USERS?username=AL");
        using var otherCase = await http.GetAsync("user_group/group_members/all_users");
        var data = (await KylinWire.ReadJsonAsync(all))["data"]!;
        var first = data["value"]![0]!;

        Assert.Equal(4, (int)data["total_size"]!);
        Assert.Equal(["ADMIN", "Albert"], data["value"]!.AsArray().Select(user => (string?)user!["username"]));
        Assert.Null(first["password"]);
        Assert.Equal(false, (bool?)first["default_password"]);
        Assert.NotNull(first["first_login_failed_time"]);
        Assert.Equal(["Albert", "alice"], (await KylinWire.ReadJsonAsync(filtered))["data"]!["value"]!.AsArray().Select(user => (string?)user!["username"]));
        Assert.Equal(0, (int)(await KylinWire.ReadJsonAsync(otherCase))["data"]!["total_size"]!);
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task GroupsAreCreatedByPathOrBodyAndUniqueIgnoringCase(KylinEmulatorFlavor flavor)
    {
        await using var kylin = await StartAsync(flavor);
        using var http = KylinWire.Client(kylin, accept: Public);

        using var byPath = await http.PostAsync("user_group/Ops.Team", null);
        using var byBody = await http.PostAsync("user_group", KylinWire.Json("""{"group_name":"dev"}"""));
        using var duplicate = await http.PostAsync("user_group/OPS.TEAM", null);

        Assert.Equal("""{"code":"000","data":"","msg":"add user group"}""", (await KylinWire.ReadJsonAsync(byPath)).ToJsonString());
        Assert.Equal(HttpStatusCode.OK, byBody.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, duplicate.StatusCode);
        Assert.Equal("KE-010004004(Duplicate Group Name):The user group \"Ops.Team\" already exists. Please check and try again.", (string?)(await KylinWire.ReadJsonAsync(duplicate))["msg"]);
        Assert.Contains("Ops.Team", kylin.GetGroups());
        Assert.Contains("dev", kylin.GetGroups());
        Assert.Throws<InvalidOperationException>(() => kylin.AddGroup("DEV"));
    }

    [Theory]
    [InlineData(".hidden", "KE-010004003(Invalid Usergroup Name):The user / group names cannot start with a period (.).")]
    [InlineData(" padded", "KE-010004003(Invalid Usergroup Name):User / group names cannot start or end with a space.")]
    [InlineData("运维", "KE-010004003(Invalid Usergroup Name):Only alphanumeric characters can be used in user / group names")]
    [InlineData("a*b", "KE-010004003(Invalid Usergroup Name):The user / group names cannot contain the following symbols: backslash (\\),  slash mark (/), colon (:), asterisk (*), question mark (?),  quotation mark (\"), less than sign (<), greater than sign (>), vertical bar (|).")]
    public async Task NamesFollowTheServersRules(string name, string message)
    {
        await using var kylin = await StartAsync(KylinEmulatorFlavor.KyligenceEnterprise4);
        using var http = KylinWire.Client(kylin, accept: Public);

        using var response = await http.PostAsync("user_group", KylinWire.Json(new JsonObject { ["group_name"] = name }.ToJsonString()));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(message, (string?)(await KylinWire.ReadJsonAsync(response))["msg"]);
        Assert.DoesNotContain(name, kylin.GetGroups());
    }

    [Fact]
    public async Task ErrorsOfKylin5CarryErrorCodeAndSuggestionAndKe4sDoNot()
    {
        await using var kylin5 = await StartAsync(KylinEmulatorFlavor.Kylin5);
        await using var ke4 = await StartAsync(KylinEmulatorFlavor.KyligenceEnterprise4);
        using var http5 = KylinWire.Client(kylin5, accept: Public);
        using var http4 = KylinWire.Client(ke4, accept: Public);

        using var empty5 = await http5.PostAsync("user_group", KylinWire.Json("{}"));
        using var empty4 = await http4.PostAsync("user_group", KylinWire.Json("{}"));
        using var missing5 = await http5.DeleteAsync("user_group/ghost");
        var body5 = await KylinWire.ReadJsonAsync(empty5);
        var body4 = (await KylinWire.ReadJsonAsync(empty4)).AsObject();
        var missing = await KylinWire.ReadJsonAsync(missing5);

        Assert.Equal("KE-010043201: Request parameter \"group_name\" is empty or value is empty. Please check the request parameters.", (string?)body5["msg"]);
        Assert.Equal("KE-010043201", (string?)body5["error_code"]);
        Assert.Equal(string.Empty, (string?)body5["suggestion"]);
        Assert.Equal("999", (string?)body5["code"]);
        Assert.Equal("KE-010004002(Empty Usergroup Name):User group name should not be empty.", (string?)body4["msg"]);
        Assert.False(body4.ContainsKey("error_code"));
        Assert.False(body4.ContainsKey("suggestion"));
        Assert.Equal("KE-010004001(Usergroup Not Exist):Invalid values in parameter “group_name“. The value ghost doesn’t exist.", (string?)missing["msg"]);
        Assert.Equal("KE-010004001", (string?)missing["error_code"]);
        Assert.Null(missing["suggestion"]);
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task DeletesFindTheNameIgnoringCaseAndGuardTheBuiltIns(KylinEmulatorFlavor flavor)
    {
        await using var kylin = await StartAsync(flavor);
        kylin.AddUser("alice", "pw");
        kylin.AddGroup("Ops", ["alice"]);
        kylin.AddGroup("dev");
        using var http = KylinWire.Client(kylin, accept: Public);

        using var byPath = await http.DeleteAsync("user_group/ops");
        using var byBody = await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "user_group") { Content = KylinWire.Json("""{"group_name":"DEV"}""") });
        using var builtIn = await http.DeleteAsync("user_group/all_users");

        Assert.Equal("""{"code":"000","data":"","msg":"del user group"}""", (await KylinWire.ReadJsonAsync(byPath)).ToJsonString());
        Assert.Equal(HttpStatusCode.OK, byBody.StatusCode);
        Assert.Equal("KE-010004003(Invalid Usergroup Name):Failed to delete user group, user groups of ALL_USERS and ROLE_ADMIN cannot be deleted.", (string?)(await KylinWire.ReadJsonAsync(builtIn))["msg"]);
        Assert.Equal(["ALL_USERS", "ROLE_ADMIN", "ROLE_ANALYST", "ROLE_MODELER"], kylin.GetGroups());
        Assert.Equal(["ALL_USERS"], kylin.FindUser("alice")!.Authorities);
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task BatchCreateRefusesNamesEndingWithAnExistingOne(KylinEmulatorFlavor flavor)
    {
        await using var kylin = await StartAsync(flavor);
        using var http = KylinWire.Client(kylin, accept: Public);

        using var created = await http.PostAsync("user_group/batch", KylinWire.Json("""["g1","g2"]"""));
        using var suffix = await http.PostAsync("user_group/batch", KylinWire.Json("""["g3","xG1"]"""));

        Assert.Equal("""{"code":"000","data":"","msg":"batch add user groups"}""", (await KylinWire.ReadJsonAsync(created)).ToJsonString());
        Assert.Equal("KE-010004004(Duplicate Group Name):The user group \"xG1\" already exists. Please check and try again.", (string?)(await KylinWire.ReadJsonAsync(suffix))["msg"]);
        Assert.Equal(["ALL_USERS", "ROLE_ADMIN", "ROLE_ANALYST", "ROLE_MODELER", "g1", "g2"], kylin.GetGroups());
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task BatchDeleteGoesOneByOneAndItsGuardComparesTheRawNameExactly(KylinEmulatorFlavor flavor)
    {
        await using var kylin = await StartAsync(flavor);
        kylin.AddGroup("g1");
        using var http = KylinWire.Client(kylin, accept: Public);

        using var stopped = await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "user_group/batch") { Content = KylinWire.Json("""["g1","ghost","ROLE_ANALYST"]""") });
        using var guarded = await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "user_group/batch") { Content = KylinWire.Json("""["ALL_USERS"]""") });
        using var slipped = await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "user_group/batch") { Content = KylinWire.Json("""["all_users"]""") });

        Assert.Equal(HttpStatusCode.InternalServerError, stopped.StatusCode);
        Assert.StartsWith("KE-010004001", (string?)(await KylinWire.ReadJsonAsync(stopped))["msg"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.InternalServerError, guarded.StatusCode);
        Assert.Equal(HttpStatusCode.OK, slipped.StatusCode);
        Assert.Equal(["ROLE_ADMIN", "ROLE_ANALYST", "ROLE_MODELER"], kylin.GetGroups());
        Assert.Contains("ALL_USERS", kylin.FindUser("ADMIN")!.Authorities);
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task MembersAreReplacedAllOrNothing(KylinEmulatorFlavor flavor)
    {
        await using var kylin = await StartAsync(flavor);
        kylin.AddUser("alice", "pw");
        kylin.AddUser("bob", "pw");
        kylin.AddGroup("ops", ["alice"]);
        using var http = KylinWire.Client(kylin, accept: Public);

        using var replaced = await http.PutAsync("user_group/users", KylinWire.Json("""{"group_name":"ops","users":["bob"]}"""));
        using var unknownUser = await http.PutAsync("user_group/users", KylinWire.Json("""{"group_name":"ops","users":["alice","ghost"]}"""));
        using var unknownGroup = await http.PutAsync("user_group/users", KylinWire.Json("""{"group_name":"OPS","users":["alice"]}"""));

        Assert.Equal("""{"code":"000","data":"","msg":"modify users in user group"}""", (await KylinWire.ReadJsonAsync(replaced)).ToJsonString());
        Assert.Equal("KE-000000001(UNKNOWN ERRORCODE): User 'ghost' not found.", (string?)(await KylinWire.ReadJsonAsync(unknownUser))["msg"]);
        Assert.Equal("KE-010000003(Invalid Parameter):Invalid values in parameter “group_name“. The value OPS doesn’t exist.", (string?)(await KylinWire.ReadJsonAsync(unknownGroup))["msg"]);
        Assert.Equal(["bob"], kylin.GetGroupMembers("ops"));
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task MemberUpdatesMayNotTouchTheSuperAdminTheCallerOrAllUsers(KylinEmulatorFlavor flavor)
    {
        await using var kylin = await StartAsync(flavor);
        kylin.AddUser("boss", "pw", isAdmin: true);
        kylin.AddUser("alice", "pw");
        kylin.AddGroup("ops");
        using var admin = KylinWire.Client(kylin, accept: Public);
        using var boss = KylinWire.Client(kylin, "boss", "pw", Public);

        using var superAdmin = await boss.PutAsync("user_group/users", KylinWire.Json("""{"group_name":"ops","users":["alice","admin"]}"""));
        using var self = await boss.PutAsync("user_group/users", KylinWire.Json("""{"group_name":"ops","users":["alice","BOSS"]}"""));
        using var allUsers = await admin.PutAsync("user_group/users", KylinWire.Json("""{"group_name":"ALL_USERS","users":["ADMIN","boss"]}"""));

        Assert.Equal("KE-010024002(Permission Denied):You cannot add,modify or remove the system administrator’s rights", (string?)(await KylinWire.ReadJsonAsync(superAdmin))["msg"]);
        Assert.Equal("KE-010003006(Failed Update User):The object is invalid. Please check and try again.", (string?)(await KylinWire.ReadJsonAsync(self))["msg"]);
        Assert.Equal("KE-010024002(Permission Denied):Can not remove user from ALL USERS group.", (string?)(await KylinWire.ReadJsonAsync(allUsers))["msg"]);
        Assert.Empty(kylin.GetGroupMembers("ops"));
        Assert.Equal(["ADMIN", "alice", "boss"], kylin.GetGroupMembers("ALL_USERS"));
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task NonAdminsAreDeniedWith400(KylinEmulatorFlavor flavor)
    {
        await using var kylin = await StartAsync(flavor);
        kylin.AddUser("alice", "pw");
        using var alice = KylinWire.Client(kylin, "alice", "pw", Public);

        using var list = await alice.GetAsync("user_group/groups");
        using var create = await alice.PostAsync("user_group/g1", null);

        Assert.All([list, create], response => Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode));
        Assert.Equal("KE-010024001(No access):The user doesn't have access.", (string?)(await KylinWire.ReadJsonAsync(list))["msg"]);
        Assert.DoesNotContain("g1", kylin.GetGroups());
    }

    [Theory]
    [InlineData(Public, "groups", HttpStatusCode.OK)]
    [InlineData("application/json", "groups", HttpStatusCode.NotAcceptable)]
    [InlineData("*/*", "groups", HttpStatusCode.InternalServerError)]
    [InlineData("", "groups", HttpStatusCode.InternalServerError)]
    [InlineData("*/*", "users_with_group", HttpStatusCode.OK)]
    [InlineData("application/vnd.apache.kylin-v4+json", "users_and_groups", HttpStatusCode.OK)]
    [InlineData(Public, "users_and_groups", HttpStatusCode.NotAcceptable)]
    [InlineData(Public, "ops", HttpStatusCode.MethodNotAllowed)]
    [InlineData(Public, "a/b/c", HttpStatusCode.NotFound)]
    public async Task TheAcceptHeaderPicksTheController(string accept, string path, HttpStatusCode expected)
    {
        await using var kylin = await StartAsync(KylinEmulatorFlavor.Kylin5);
        using var http = KylinWire.Client(kylin, accept: accept);

        using var response = await http.GetAsync($"user_group/{path}");

        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            var body = await KylinWire.ReadJsonAsync(response);
            Assert.Equal((int)expected, (int)body["status"]!);
            Assert.Equal($"/kylin/api/user_group/{path}", (string?)body["path"]);
        }
    }

    [Fact]
    public async Task ARouteOnlyTheOpenApiMapsWorksWithAWildcard()
    {
        await using var kylin = await StartAsync(KylinEmulatorFlavor.KyligenceEnterprise4);
        using var http = KylinWire.Client(kylin, accept: "*/*");

        using var created = await http.PostAsync("user_group/ops", null);
        using var ambiguous = await http.DeleteAsync("user_group/ops");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(Public, created.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.InternalServerError, ambiguous.StatusCode);
        Assert.Contains("ops", kylin.GetGroups());
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task OnlyAdminExistsAtFirstStart(KylinEmulatorFlavor flavor)
    {
        await using var kylin = await StartAsync(flavor);

        Assert.Equal(["ADMIN"], kylin.GetGroupMembers("ALL_USERS"));
        Assert.Equal(["ROLE_ADMIN", "ALL_USERS"], kylin.FindUser("admin")!.Authorities);
        Assert.Null(kylin.FindUser(KylinEmulator.AnalystUsername));
    }

    private static Task<KylinEmulator> StartAsync(KylinEmulatorFlavor flavor) =>
        KylinEmulator.StartAsync(new KylinEmulatorOptions { Flavor = flavor });
}
