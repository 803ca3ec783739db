using System.Net;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.Testing.Tests.Kylin;

/// <summary>The emulator in the other flavors answering the KAP v2 requests as those servers do (docs/wire/kylin.md §11, §12.1).</summary>
public sealed class KylinV2AnswerTests
{
    [Fact]
    public async Task AsApacheKylinV2RequestsGetTomcatPagesWith406Or405OrTheWebUiWith404()
    {
        await using var kylin = await KylinEmulator.StartAsync(new KylinEmulatorOptions { Flavor = KylinEmulatorFlavor.Apache4 });
        using var http = KylinWire.Client(kylin);
        using var anonymous = KylinWire.Client(kylin, username: null);

        using var groups = await http.GetAsync("user_group/groups?project=");
        using var create = await http.PostAsync("user_group/g1", null);
        using var delete = await http.DeleteAsync("user_group/g1");
        using var setUsers = await http.PutAsync("user_group/users/g1", KylinWire.Json("""["alice"]"""));
        using var usersWithGroup = await http.GetAsync("user_group/usersWithGroup?pageOffset=0&pageSize=10");
        using var groupMembers = await http.GetAsync("user_group/groupMembers/ALL_USERS?pageOffset=0&pageSize=10");
        using var unauthenticated = await anonymous.GetAsync("user_group/groups?project=");

        Assert.All([groups, create, delete, setUsers], response => Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode));
        Assert.Contains("<h1>HTTP Status 406 – Not Acceptable</h1>", await groups.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, usersWithGroup.StatusCode);
        Assert.Contains("<h1>HTTP Status 405 – Method Not Allowed</h1>", await usersWithGroup.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, groupMembers.StatusCode);
        Assert.Equal("text/html", groupMembers.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.DoesNotContain("g1", kylin.GetGroups());
    }

    [Fact]
    public async Task AsKylin5V2RequestsGetSpringBootsError500BeforeAuthenticationExceptUsersWithGroup()
    {
        await using var kylin = await KylinEmulator.StartAsync(new KylinEmulatorOptions { Flavor = KylinEmulatorFlavor.Kylin5 });
        using var http = KylinWire.Client(kylin);
        using var anonymous = KylinWire.Client(kylin, username: null);

        using var groups = await http.GetAsync("user_group/groups?project=");
        using var create = await http.PostAsync("user_group/g1", null);
        using var unauthenticated = await anonymous.DeleteAsync("user_group/ROLE_ADMIN");
        using var usersWithGroup = await http.GetAsync("user_group/usersWithGroup?pageOffset=0&pageSize=10");

        Assert.All([groups, create, unauthenticated], response => Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode));
        var body = await KylinWire.ReadJsonAsync(groups);
        Assert.Equal(500, (int)body["status"]!);
        Assert.Equal("Internal Server Error", (string?)body["error"]);
        Assert.Equal("/kylin/api/user_group/groups", (string?)body["path"]);
        Assert.Null(body["code"]);
        Assert.Equal("application/json", groups.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, usersWithGroup.StatusCode);
        Assert.Equal("000", (string?)(await KylinWire.ReadJsonAsync(usersWithGroup))["code"]);
        Assert.Equal(["ALL_USERS", "ROLE_ADMIN", "ROLE_ANALYST", "ROLE_MODELER"], kylin.GetGroups());
    }
}
