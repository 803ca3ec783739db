using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.Testing.Tests.Kylin;

/// <summary>The emulator as Apache Kylin 3.x/4.x (docs/wire/kylin.md §11), seen with a raw HttpClient.</summary>
public sealed class KylinApacheFlavorTests
{
    private const string Json = "application/json";

    [Theory]
    [InlineData(KylinEmulatorFlavor.Apache3, "Apache kylin 3.1.3")]
    [InlineData(KylinEmulatorFlavor.Apache4, "Apache kylin 4.0.5")]
    public async Task TheVersionIsOpenToAnonymousCallersButAWrongPasswordIsStillRefused(KylinEmulatorFlavor flavor, string version)
    {
        await using var kylin = await StartAsync(flavor);
        using var anonymous = KylinWire.Client(kylin, username: null, accept: "application/json, application/vnd.apache.kylin-v2+json");
        using var wrong = KylinWire.Client(kylin, "ADMIN", "wrong", accept: Json);

        using var answer = await anonymous.GetAsync("admin/version");
        using var refused = await wrong.GetAsync("admin/version");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(version, (string?)(await KylinWire.ReadJsonAsync(answer))["kylin.version"]);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task TheVersionTextIsAnOption()
    {
        await using var kylin = await KylinEmulator.StartAsync(new KylinEmulatorOptions { Flavor = KylinEmulatorFlavor.Apache3, Version = "Apache kylin 3.0.2" });
        using var anonymous = KylinWire.Client(kylin, username: null, accept: Json);

        using var answer = await anonymous.GetAsync("admin/version");

        Assert.Equal("Apache kylin 3.0.2", (string?)(await KylinWire.ReadJsonAsync(answer))["kylin.version"]);
    }

    [Fact]
    public async Task GroupsAreAMapOfMembersWithTheMatchCountAndARowOffset()
    {
        await using var kylin = await StartAsync(KylinEmulatorFlavor.Apache4);
        kylin.AddUser("alice", "pw");
        kylin.AddGroup("ops", ["alice", KylinEmulator.AnalystUsername]);
        using var http = KylinWire.Client(kylin, accept: Json);

        using var first = await http.GetAsync("user_group/groups?offset=0&limit=2");
        using var third = await http.GetAsync("user_group/groups?offset=2&limit=2");
        using var defaults = await http.GetAsync("user_group/groups");
        using var past = await http.GetAsync("user_group/groups?offset=5");
        var firstBody = await KylinWire.ReadJsonAsync(first);
        var thirdData = (await KylinWire.ReadJsonAsync(third))["data"]!;

        Assert.Equal("""{"code":"000","data":{"groups":{"ALL_USERS":["ADMIN","alice","ANALYST","MODELER"],"ROLE_ADMIN":["ADMIN"]},"size":5},"msg":""}""", firstBody.ToJsonString());
        Assert.Equal("""{"ROLE_ANALYST":["ADMIN","ANALYST","MODELER"],"ROLE_MODELER":["ADMIN","MODELER"]}""", thirdData["groups"]!.ToJsonString());
        Assert.Equal(5, (await KylinWire.ReadJsonAsync(defaults))["data"]!["groups"]!.AsObject().Count);
        Assert.Empty((await KylinWire.ReadJsonAsync(past))["data"]!["groups"]!.AsObject());
        Assert.StartsWith("application/json", first.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNameFilterIsExactUnlessFuzzyWhichIgnoresCase()
    {
        await using var kylin = await StartAsync(KylinEmulatorFlavor.Apache3);
        using var http = KylinWire.Client(kylin, accept: Json);

        using var exact = await http.GetAsync("user_group/groups?name=ROLE_ADMIN");
        using var exactOtherCase = await http.GetAsync("user_group/groups?name=role_admin");
        using var fuzzy = await http.GetAsync("user_group/groups?name=role&isFuzzMatch=true");

        Assert.Equal(1, (int)(await KylinWire.ReadJsonAsync(exact))["data"]!["size"]!);
        Assert.Equal(0, (int)(await KylinWire.ReadJsonAsync(exactOtherCase))["data"]!["size"]!);
        Assert.Equal(3, (int)(await KylinWire.ReadJsonAsync(fuzzy))["data"]!["size"]!);
    }

    [Fact]
    public async Task BadPagingIsA500FromJava()
    {
        await using var kylin = await StartAsync(KylinEmulatorFlavor.Apache4);
        using var http = KylinWire.Client(kylin, accept: Json);

        using var negative = await http.GetAsync("user_group/groups?offset=-1");
        using var notANumber = await http.GetAsync("user_group/groups?limit=ten");

        Assert.Equal(HttpStatusCode.InternalServerError, negative.StatusCode);
        Assert.Equal("fromIndex = -1", (string?)(await KylinWire.ReadJsonAsync(negative))["msg"]);
        Assert.StartsWith("Failed to convert value of type 'java.lang.String' to required type 'java.lang.Integer'", (string?)(await KylinWire.ReadJsonAsync(notANumber))["msg"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Json, HttpStatusCode.OK)]
    [InlineData("*/*", HttpStatusCode.OK)]
    [InlineData("", HttpStatusCode.OK)]
    [InlineData(KylinWire.V2, HttpStatusCode.NotAcceptable)]
    [InlineData("application/vnd.apache.kylin-v4-public+json", HttpStatusCode.NotAcceptable)]
    public async Task OnlyJsonIsProduced(string accept, HttpStatusCode expected)
    {
        await using var kylin = await StartAsync(KylinEmulatorFlavor.Apache4);
        using var http = KylinWire.Client(kylin, accept: accept);

        using var response = await http.GetAsync("user_group/groups");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.NotAcceptable)
        {
            Assert.Contains("<h1>HTTP Status 406 – Not Acceptable</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ALastSegmentWithAKnownFileExtensionIs406ButDotsAreKept()
    {
        await using var kylin = await StartAsync(KylinEmulatorFlavor.Apache3);
        using var http = KylinWire.Client(kylin, accept: Json);

        using var xml = await http.PostAsync("user_group/feed.xml", null);
        using var html = await http.GetAsync("user_group/users/page.html");
        using var version = await http.PostAsync("user_group/v2.0", null);
        using var json = await http.PostAsync("user_group/data.json", null);

        Assert.Equal(HttpStatusCode.NotAcceptable, xml.StatusCode);
        Assert.Equal(HttpStatusCode.NotAcceptable, html.StatusCode);
        Assert.Contains("Apache Tomcat/7.0.100", await xml.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, version.StatusCode);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Contains("v2.0", kylin.GetGroups());
        Assert.Contains("data.json", kylin.GetGroups());
        Assert.DoesNotContain("feed.xml", kylin.GetGroups());
    }

    [Fact]
    public async Task WrongMethodsAre405PagesAndUnknownPathsGetTheWebUi()
    {
        await using var kylin = await StartAsync(KylinEmulatorFlavor.Apache4);
        using var http = KylinWire.Client(kylin, accept: Json);

        using var getOne = await http.GetAsync("user_group/g1");
        using var usersWithGroup = await http.GetAsync("user_group/usersWithGroup");
        using var deleteUsers = await http.DeleteAsync("user_group/users/g1");
        using var groupMembers = await http.GetAsync("user_group/groupMembers/ALL_USERS");
        using var slash = await http.PostAsync("user_group/a%2Fb", null);

        Assert.All([getOne, usersWithGroup, deleteUsers], response => Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode));
        Assert.Contains("Apache Tomcat/8.5.78", await getOne.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, groupMembers.StatusCode);
        Assert.Contains("ng-app=\"kylin\"", await groupMembers.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, slash.StatusCode);
    }

    [Fact]
    public async Task MembersAreAllManagedUsersWithHashesSortedIgnoringCase()
    {
        await using var kylin = await StartAsync(KylinEmulatorFlavor.Apache3);
        for (var i = 0; i < 12; i++)
        {
            kylin.AddUser($"u{i:00}", "pw");
        }

        kylin.AddUser("Zed", "pw");
        kylin.AddUser("amy", "pw");
        using var analyst = KylinWire.Client(kylin, KylinEmulator.AnalystUsername, "ANALYST", Json);

        using var response = await analyst.GetAsync("user_group/users/ALL_USERS");
        var users = (await KylinWire.ReadJsonAsync(response))["data"]!["users"]!.AsArray();
        var admin = users.Single(user => (string?)user!["username"] == "ADMIN")!;

        Assert.Equal(17, users.Count);
        Assert.Equal(["ADMIN", "amy", "ANALYST", "MODELER"], users.Take(4).Select(user => (string?)user!["username"]));
        Assert.Equal("Zed", (string?)users[^1]!["username"]);
        Assert.Matches(new Regex("^\\$2a\\$10\\$[./A-Za-z0-9]{53}$"), (string?)admin["password"]);
        Assert.Equal("3.0.0.20500", (string?)admin["version"]);
        Assert.Equal("""[{"authority":"ROLE_ADMIN"},{"authority":"ROLE_MODELER"},{"authority":"ROLE_ANALYST"},{"authority":"ALL_USERS"}]""", admin["authorities"]!.ToJsonString());
        Assert.NotNull(admin["uuid"]);
    }

    [Fact]
    public async Task WritesAnswerNullDataAndFailuresAre500WithCode999()
    {
        await using var kylin = await StartAsync(KylinEmulatorFlavor.Apache4);
        using var http = KylinWire.Client(kylin, accept: Json);

        using var created = await http.PostAsync("user_group/g1", null);
        using var duplicate = await http.PostAsync("user_group/g1", null);
        using var deleted = await http.DeleteAsync("user_group/g1");
        using var missing = await http.DeleteAsync("user_group/g1");
        var error = await KylinWire.ReadJsonAsync(duplicate);

        Assert.Equal("""{"code":"000","data":null,"msg":""}""", (await KylinWire.ReadJsonAsync(created)).ToJsonString());
        Assert.Equal(HttpStatusCode.InternalServerError, duplicate.StatusCode);
        Assert.Equal("999", (string?)error["code"]);
        Assert.Equal("Operation failed, group:g1 already exists", (string?)error["msg"]);
        Assert.Contains("KylinUserGroupController", (string?)error["stacktrace"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("Operation failed, group:g1 does not exists", (string?)(await KylinWire.ReadJsonAsync(missing))["msg"]);
    }

    [Fact]
    public async Task AllUsersAndRoleAdminAreGuardedInAnyCaseEvenBeforeTheRoleCheck()
    {
        await using var kylin = await StartAsync(KylinEmulatorFlavor.Apache3);
        using var admin = KylinWire.Client(kylin, accept: Json);
        using var analyst = KylinWire.Client(kylin, KylinEmulator.AnalystUsername, "ANALYST", Json);

        using var allUsers = await admin.DeleteAsync("user_group/all_users");
        using var roleAdmin = await analyst.DeleteAsync("user_group/ROLE_ADMIN");
        using var modeler = await analyst.DeleteAsync("user_group/ROLE_MODELER");
        using var analystGroup = await admin.DeleteAsync("user_group/ROLE_ANALYST");

        Assert.Equal("Can not delete group all_users", (string?)(await KylinWire.ReadJsonAsync(allUsers))["msg"]);
        Assert.Equal("Can not delete group ROLE_ADMIN", (string?)(await KylinWire.ReadJsonAsync(roleAdmin))["msg"]);
        Assert.Equal("Access is denied", (string?)(await KylinWire.ReadJsonAsync(modeler))["msg"]);
        Assert.Equal(HttpStatusCode.InternalServerError, modeler.StatusCode);
        Assert.Equal(HttpStatusCode.OK, analystGroup.StatusCode);
        Assert.Equal(["ALL_USERS", "ROLE_ADMIN", "ROLE_MODELER"], kylin.GetGroups());
    }

    [Fact]
    public async Task SettingUsersReplacesWithABareArrayAndStopsAtAnUnknownUser()
    {
        await using var kylin = await StartAsync(KylinEmulatorFlavor.Apache4);
        kylin.AddUser("alice", "pw");
        kylin.AddUser("bob", "pw");
        kylin.AddGroup("ops", ["alice"]);
        using var http = KylinWire.Client(kylin, accept: Json);

        using var replaced = await http.PutAsync("user_group/users/ops", KylinWire.Json("""["BOB"]"""));
        Assert.Equal("""{"code":"000","data":null,"msg":""}""", (await KylinWire.ReadJsonAsync(replaced)).ToJsonString());
        Assert.Equal(["bob"], kylin.GetGroupMembers("ops"));

        using var partial = await http.PostAsync("user_group/users/ops", KylinWire.Json("""["alice","ghost"]"""));
        Assert.Equal("User 'ghost' not found.", (string?)(await KylinWire.ReadJsonAsync(partial))["msg"]);
        Assert.Equal(["alice", "bob"], kylin.GetGroupMembers("ops"));

        using var ghostGroup = await http.PutAsync("user_group/users/nowhere", KylinWire.Json("""["alice"]"""));
        Assert.Equal(HttpStatusCode.OK, ghostGroup.StatusCode);
        Assert.DoesNotContain("nowhere", kylin.GetGroups());
        Assert.Equal(["alice"], kylin.GetGroupMembers("nowhere"));
    }

    [Fact]
    public async Task AUsernameInAnotherCaseIsAddedThenRemovedBecauseTheComparisonIsExact()
    {
        await using var kylin = await StartAsync(KylinEmulatorFlavor.Apache3);
        kylin.AddUser("alice", "pw");
        kylin.AddGroup("ops", ["alice"]);
        using var http = KylinWire.Client(kylin, accept: Json);

        using var response = await http.PutAsync("user_group/users/ops", KylinWire.Json("""["ALICE"]"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(kylin.GetGroupMembers("ops"));
    }

    [Fact]
    public async Task EverySaveReAddsAllUsersAndRoleAdminCannotBeEmptied()
    {
        await using var kylin = await StartAsync(KylinEmulatorFlavor.Apache4);
        using var http = KylinWire.Client(kylin, accept: Json);

        using var allUsers = await http.PutAsync("user_group/users/ALL_USERS", KylinWire.Json("[]"));
        using var roleAdmin = await http.PutAsync("user_group/users/ROLE_ADMIN", KylinWire.Json("[]"));

        Assert.Equal(HttpStatusCode.OK, allUsers.StatusCode);
        Assert.Equal(["ADMIN", "ANALYST", "MODELER"], kylin.GetGroupMembers("ALL_USERS"));
        Assert.Equal("role_admin must have at least one user", (string?)(await KylinWire.ReadJsonAsync(roleAdmin))["msg"]);
        Assert.Equal(["ADMIN"], kylin.GetGroupMembers("ROLE_ADMIN"));
    }

    [Theory]
    [InlineData(KylinEmulatorFlavor.Apache3, "Could not read document: Can not deserialize instance of java.util.ArrayList out of START_OBJECT token")]
    [InlineData(KylinEmulatorFlavor.Apache4, "JSON parse error: Cannot deserialize instance of `java.util.ArrayList<java.lang.String>` out of START_OBJECT token")]
    public async Task BodiesMustBeJsonArraysSentAsJson(KylinEmulatorFlavor flavor, string notArrayMessage)
    {
        await using var kylin = await StartAsync(flavor);
        using var http = KylinWire.Client(kylin, accept: Json);

        using var notArray = await http.PutAsync("user_group/users/ROLE_ADMIN", KylinWire.Json("""{"users":[]}"""));
        using var text = await http.PutAsync("user_group/users/ROLE_ADMIN", new StringContent("[\"ADMIN\"]"));

        Assert.Equal(HttpStatusCode.InternalServerError, notArray.StatusCode);
        Assert.Equal(notArrayMessage, (string?)(await KylinWire.ReadJsonAsync(notArray))["msg"]);
        Assert.Equal("Content type 'text/plain; charset=utf-8' not supported", (string?)(await KylinWire.ReadJsonAsync(text))["msg"]);
    }

    [Fact]
    public async Task NonAdminsAreDeniedWith500ButMayReadMembers()
    {
        await using var kylin = await StartAsync(KylinEmulatorFlavor.Apache3);
        using var analyst = KylinWire.Client(kylin, KylinEmulator.AnalystUsername, "ANALYST", Json);

        using var list = await analyst.GetAsync("user_group/groups");
        using var create = await analyst.PostAsync("user_group/g1", null);
        using var members = await analyst.GetAsync("user_group/users/ROLE_ADMIN");
        kylin.GrantProjectAdministration("p1", KylinEmulator.AnalystUsername);
        using var projectList = await analyst.GetAsync("user_group/groups?project=p1");

        Assert.All([list, create], response => Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode));
        Assert.Equal("Access is denied", (string?)(await KylinWire.ReadJsonAsync(list))["msg"]);
        Assert.Equal(HttpStatusCode.OK, members.StatusCode);
        Assert.Equal(HttpStatusCode.OK, projectList.StatusCode);
    }

    [Fact]
    public async Task AuthenticationFailuresAreTomcat401PagesWithoutAChallengeAndNeverLock()
    {
        await using var kylin = await StartAsync(KylinEmulatorFlavor.Apache4);
        using var anonymous = KylinWire.Client(kylin, username: null, accept: Json);
        using var wrong = KylinWire.Client(kylin, KylinEmulator.AnalystUsername, "wrong", Json);
        using var right = KylinWire.Client(kylin, "analyst", "ANALYST", Json);

        using var none = await anonymous.GetAsync("user_group/groups");
        for (var i = 0; i < 5; i++)
        {
            using var refused = await wrong.GetAsync("user_group/users/ALL_USERS");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var afterwards = await right.GetAsync("user_group/users/ALL_USERS");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Empty(none.Headers.WwwAuthenticate);
        Assert.Equal("text/html", none.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<h1>HTTP Status 401 – Unauthorized</h1>", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        Assert.False(kylin.FindUser(KylinEmulator.AnalystUsername)!.Locked);
    }

    [Fact]
    public async Task TheTestingProfileUsersHaveTheirRoles()
    {
        await using var kylin = await StartAsync(KylinEmulatorFlavor.Apache3);

        Assert.Equal(["ROLE_ADMIN", "ROLE_MODELER", "ROLE_ANALYST", "ALL_USERS"], kylin.FindUser("ADMIN")!.Authorities);
        Assert.Equal(["ROLE_MODELER", "ROLE_ANALYST", "ALL_USERS"], kylin.FindUser("MODELER")!.Authorities);
        Assert.Equal(["ROLE_ANALYST", "ALL_USERS"], kylin.FindUser("analyst")!.Authorities);
        Assert.Throws<InvalidOperationException>(() => kylin.AddUser("Admin", "pw"));
    }

    private static Task<KylinEmulator> StartAsync(KylinEmulatorFlavor flavor) =>
        KylinEmulator.StartAsync(new KylinEmulatorOptions { Flavor = flavor });
}
