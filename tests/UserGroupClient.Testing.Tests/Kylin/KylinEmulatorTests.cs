using System.Net;
using System.Text.RegularExpressions;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.Testing.Tests.Kylin;

/// <summary>The emulator's wire behaviour (docs/wire/kylin.md), seen with a raw HttpClient.</summary>
public sealed class KylinEmulatorTests
{
    [Fact]
    public async Task ResponsesUseTheEnvelope()
    {
        await using var kylin = await KylinEmulator.StartAsync();
        using var http = KylinWire.Client(kylin);

        using var response = await http.GetAsync("user_group/groups?project=");
        var json = await KylinWire.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("000", (string?)json["code"]);
        Assert.Equal("get groups", (string?)json["msg"]);
        Assert.Equal("""["ALL_USERS","ROLE_ADMIN","ROLE_ANALYST","ROLE_MODELER"]""", json["data"]!.ToJsonString());

        using var created = await http.PostAsync("user_group/g1", null);
        Assert.Equal("""{"code":"000","data":"","msg":"add user group"}""", (await KylinWire.ReadJsonAsync(created)).ToJsonString());
    }

    [Fact]
    public async Task BusinessErrorsAre500WithCode999AndAJavaTrace()
    {
        await using var kylin = await KylinEmulator.StartAsync();
        using var http = KylinWire.Client(kylin);

        (await http.PostAsync("user_group/g1", null)).Dispose();
        using var duplicate = await http.PostAsync("user_group/g1", null);
        var json = await KylinWire.ReadJsonAsync(duplicate);

        Assert.Equal(HttpStatusCode.InternalServerError, duplicate.StatusCode);
        Assert.Equal("999", (string?)json["code"]);
        Assert.Equal("Operation failed, group:g1 already exists", (string?)json["msg"]);
        Assert.Equal((string?)json["msg"], (string?)json["exception"]);
        Assert.StartsWith("java.lang.RuntimeException: Operation failed", (string?)json["stacktrace"], StringComparison.Ordinal);
        Assert.EndsWith("/kylin/api/user_group/g1", (string?)json["url"], StringComparison.Ordinal);

        using var missing = await http.DeleteAsync("user_group/ghost");
        Assert.Equal("Operation failed, group:ghost does not exists", (string?)(await KylinWire.ReadJsonAsync(missing))["msg"]);
        using var builtIn = await http.DeleteAsync("user_group/all_users");
        Assert.Equal("Can not delete group all_users", (string?)(await KylinWire.ReadJsonAsync(builtIn))["msg"]);
        using var analystGroup = await http.DeleteAsync("user_group/ROLE_ANALYST");
        Assert.Equal(HttpStatusCode.OK, analystGroup.StatusCode);
    }

    [Fact]
    public async Task AuthenticationFailuresAre401JsonWithoutAChallenge()
    {
        await using var kylin = await KylinEmulator.StartAsync();
        using var anonymous = KylinWire.Client(kylin, username: null);
        using var unknown = KylinWire.Client(kylin, "nobody", "x");
        using var disabledUser = KylinWire.Client(kylin, "off", "pw");
        kylin.AddUser("off", "pw", disabled: true);

        using var none = await anonymous.GetAsync("user_group/groups?project=");
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Empty(none.Headers.WwwAuthenticate);
        Assert.Equal("application/json", none.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Full authentication is required to access this resource", (string?)(await KylinWire.ReadJsonAsync(none))["msg"]);

        using var nobody = await unknown.GetAsync("user_group/groups?project=");
        Assert.Equal("User 'nobody' not found.", (string?)(await KylinWire.ReadJsonAsync(nobody))["msg"]);
        using var disabled = await disabledUser.GetAsync("user_group/groups?project=");
        Assert.Equal(HttpStatusCode.Unauthorized, disabled.StatusCode);
    }

    [Fact]
    public async Task ThreeWrongPasswordsLockTheAccountForThirtySeconds()
    {
        var clock = new ManualClock(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero));
        await using var kylin = await KylinEmulator.StartAsync(new KylinEmulatorOptions { TimeProvider = clock });
        using var wrong = KylinWire.Client(kylin, KylinEmulator.AnalystUsername, "wrong");
        using var right = KylinWire.Client(kylin, KylinEmulator.AnalystUsername, "ANALYST");

        for (var i = 0; i < 3; i++)
        {
            using var refused = await wrong.GetAsync("user_group/groupMembers/ALL_USERS");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        Assert.True(kylin.FindUser(KylinEmulator.AnalystUsername)!.Locked);
        clock.Advance(TimeSpan.FromSeconds(10));
        using var locked = await right.GetAsync("user_group/groupMembers/ALL_USERS");
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Equal("User ANALYST is locked, please wait for 20 seconds.", (string?)(await KylinWire.ReadJsonAsync(locked))["msg"]);

        clock.Advance(TimeSpan.FromSeconds(20));
        using var unlocked = await right.GetAsync("user_group/groupMembers/ALL_USERS");
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
    }

    [Fact]
    public async Task WithoutTheV2MediaTypeTheAnswerIs406()
    {
        await using var kylin = await KylinEmulator.StartAsync();
        using var http = KylinWire.Client(kylin, accept: "application/json");

        using var response = await http.GetAsync("user_group/groups?project=");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task ListingGroupsNeedsTheProjectParameterAndTheRight()
    {
        await using var kylin = await KylinEmulator.StartAsync();
        using var admin = KylinWire.Client(kylin);
        using var analyst = KylinWire.Client(kylin, KylinEmulator.AnalystUsername, "ANALYST");

        using var missing = await admin.GetAsync("user_group/groups");
        Assert.Equal(HttpStatusCode.InternalServerError, missing.StatusCode);
        Assert.Equal("Required String parameter 'project' is not present", (string?)(await KylinWire.ReadJsonAsync(missing))["msg"]);

        using var denied = await analyst.GetAsync("user_group/groups?project=p1");
        Assert.Equal("Access is denied", (string?)(await KylinWire.ReadJsonAsync(denied))["msg"]);
        kylin.GrantProjectAdministration("p1", KylinEmulator.AnalystUsername);
        using var allowed = await analyst.GetAsync("user_group/groups?project=p1");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Theory]
    [InlineData(0, 3, """["ALL_USERS","ROLE_ADMIN","ROLE_ANALYST"]""")]
    [InlineData(1, 3, """["ROLE_MODELER","g1"]""")]
    [InlineData(2, 3, "[]")]
    [InlineData(1, 2, """["ROLE_ANALYST","ROLE_MODELER"]""")]
    public async Task PagingIsByPageIndexAndSizeIsTheTotal(int pageOffset, int pageSize, string expectedGroups)
    {
        await using var kylin = await KylinEmulator.StartAsync();
        kylin.AddGroup("g1");
        using var http = KylinWire.Client(kylin);

        using var response = await http.GetAsync($"user_group/usersWithGroup?pageOffset={pageOffset}&pageSize={pageSize}");
        var data = (await KylinWire.ReadJsonAsync(response))["data"]!;

        Assert.Equal(5, (int)data["size"]!);
        Assert.Equal(expectedGroups, new System.Text.Json.Nodes.JsonArray(data["usersWithGroup"]!.AsArray().Select(p => (System.Text.Json.Nodes.JsonNode?)(string?)p!["first"]).ToArray()).ToJsonString());
    }

    [Fact]
    public async Task NegativePagingIsA500AndDefaultsAreTenFromTheStart()
    {
        await using var kylin = await KylinEmulator.StartAsync();
        using var http = KylinWire.Client(kylin);
        for (var i = 0; i < 12; i++)
        {
            kylin.AddUser($"u{i:00}", "pw");
        }

        using var negative = await http.GetAsync("user_group/groupMembers/ALL_USERS?pageOffset=-1");
        Assert.Equal(HttpStatusCode.InternalServerError, negative.StatusCode);

        using var defaults = await http.GetAsync("user_group/groupMembers/ALL_USERS");
        var data = (await KylinWire.ReadJsonAsync(defaults))["data"]!;
        Assert.Equal(15, (int)data["size"]!);
        Assert.Equal(10, data["groupMembers"]!.AsArray().Count);
    }

    [Fact]
    public async Task MembersAreManagedUsersWithBcryptLookingHashes()
    {
        await using var kylin = await KylinEmulator.StartAsync();
        using var http = KylinWire.Client(kylin);

        using var response = await http.GetAsync("user_group/groupMembers/ROLE_ADMIN");
        var admin = (await KylinWire.ReadJsonAsync(response))["data"]!["groupMembers"]![0]!;

        Assert.Equal("ADMIN", (string?)admin["username"]);
        Assert.Matches(new Regex("^\\$2a\\$10\\$[./A-Za-z0-9]{53}$"), (string?)admin["password"]);
        Assert.Equal("""[{"authority":"ROLE_ADMIN"},{"authority":"ALL_USERS"}]""", admin["authorities"]!.ToJsonString());
        Assert.False((bool)admin["locked"]!);
        Assert.Equal(0, (int)admin["wrongTime"]!);
        Assert.NotNull(admin["last_modified"]);
    }

    [Fact]
    public async Task SettingUsersReplacesTheListAndIsNotTransactional()
    {
        await using var kylin = await KylinEmulator.StartAsync();
        kylin.AddUser("alice", "pw");
        kylin.AddUser("bob", "pw");
        kylin.AddGroup("ops", ["alice"]);
        using var http = KylinWire.Client(kylin);

        using var replaced = await http.PutAsync("user_group/users/ops", KylinWire.Json("""["bob"]"""));
        Assert.Equal("modify users in user group", (string?)(await KylinWire.ReadJsonAsync(replaced))["msg"]);
        Assert.Equal(["bob"], kylin.GetGroupMembers("ops"));

        using var partial = await http.PostAsync("user_group/users/ops", KylinWire.Json("""["alice","ghost"]"""));
        Assert.Equal(HttpStatusCode.InternalServerError, partial.StatusCode);
        Assert.Equal("User 'ghost' not found.", (string?)(await KylinWire.ReadJsonAsync(partial))["msg"]);
        Assert.Equal(["alice", "bob"], kylin.GetGroupMembers("ops"));

        using var notArray = await http.PutAsync("user_group/users/ops", KylinWire.Json("""{"users":["alice"]}"""));
        Assert.Equal(HttpStatusCode.InternalServerError, notArray.StatusCode);

        using var ghostGroup = await http.PutAsync("user_group/users/nowhere", KylinWire.Json("""["alice"]"""));
        Assert.Equal(HttpStatusCode.OK, ghostGroup.StatusCode);
        Assert.DoesNotContain("nowhere", kylin.GetGroups());
        Assert.Equal(["alice"], kylin.GetGroupMembers("nowhere"));
    }

    [Fact]
    public async Task EveryUserStaysInAllUsers()
    {
        await using var kylin = await KylinEmulator.StartAsync();
        using var http = KylinWire.Client(kylin);

        using var response = await http.PutAsync("user_group/users/ALL_USERS", KylinWire.Json("[]"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["ADMIN", "ANALYST", "MODELER"], kylin.GetGroupMembers("ALL_USERS"));
    }

    [Fact]
    public async Task PathNamesLoseTheirLastDotUnlessASlashFollows()
    {
        await using var kylin = await KylinEmulator.StartAsync();
        using var http = KylinWire.Client(kylin);

        (await http.PostAsync("user_group/g1.h", null)).Dispose();
        (await http.PostAsync("user_group/a.b.c", null)).Dispose();
        (await http.PostAsync("user_group/v2.0/", null)).Dispose();
        (await http.PostAsync("user_group/x;jsessionid=1", null)).Dispose();
        (await http.PostAsync("user_group/y%3Bz", null)).Dispose();
        using var slash = await http.PostAsync("user_group/a%2Fb", null);

        Assert.Equal(HttpStatusCode.BadRequest, slash.StatusCode);
        Assert.Equal(["a.b", "g1", "v2.0", "x", "y;z"], kylin.GetGroups().Where(g => !g.StartsWith("ROLE_", StringComparison.Ordinal) && g != "ALL_USERS"));
    }

    [Fact]
    public async Task UnknownPathsAndMethodsAreRefused()
    {
        await using var kylin = await KylinEmulator.StartAsync();
        using var http = KylinWire.Client(kylin);

        using var unknown = await http.GetAsync("user_group/groupMembers/a/b");
        using var wrongMethod = await http.GetAsync("user_group/g1");
        using var outside = await http.GetAsync("/other");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(3, kylin.Journal.Entries.Count);
    }
}
