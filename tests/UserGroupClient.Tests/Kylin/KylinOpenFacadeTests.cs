using System.Net;
using UserGroupClient.Kylin;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Kylin;

/// <summary>
/// The unified service on Kylin 5 and Kyligence Enterprise 4.x refuses, before sending, what those servers would refuse:
/// member changes that touch the system administrator or the caller, and names their create rules forbid.
/// </summary>
public sealed class KylinOpenFacadeTests
{
    private const string Groups = """{"code":"000","data":{"value":["ops"],"offset":0,"limit":100,"total_size":1},"msg":""}""";

    [Theory]
    [InlineData("add", "ADMIN", "alice")]
    [InlineData("add", "admin", "alice")]
    [InlineData("remove", "ADMIN", "ADMIN,alice")]
    [InlineData("set", "ADMIN", "ADMIN,alice")]
    [InlineData("add", "opsadmin", "alice")]
    [InlineData("add", "OpsAdmin", "alice")]
    [InlineData("remove", "opsadmin", "opsadmin,alice")]
    [InlineData("set", "opsadmin", "alice")]
    public async Task AMemberChangeThatTouchesTheAdministratorOrTheCallerIsRefusedBeforeSending(string change, string user, string current)
    {
        var stub = Members(current.Split(','));
        using var kylin = new KylinStub(stub, o => (o.Flavor, o.Credentials) = (KylinFlavor.Kylin5, KylinCredentials.Basic("opsadmin", "secret")));
        var service = kylin.Service;

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => change switch
        {
            "add" => service.AddMembersAsync("ops", ["bob", user]),
            "remove" => service.RemoveMembersAsync("ops", [user]),
            _ => service.SetMembersAsync("ops", current.Split(',').Where(name => name != user).Append("bob").Concat(current.Contains(user, StringComparison.Ordinal) ? [] : [user])),
        });

        Assert.Equal("memberIds", refused.ParamName);
        Assert.Contains($"'{user}'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was sent", refused.Message, StringComparison.Ordinal);
        Assert.Contains(user.Equals("ADMIN", StringComparison.OrdinalIgnoreCase) ? "system administrator ADMIN" : "the user this client signs in as", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(stub.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task AddingBesideTheAdministratorAndTheCallerIsAllowed()
    {
        var stub = Members(["ADMIN", "opsadmin"]);
        using var kylin = new KylinStub(stub, o => (o.Flavor, o.Credentials) = (KylinFlavor.Kylin5, KylinCredentials.Basic("opsadmin", "secret")));

        await kylin.Service.AddMembersAsync("ops", ["bob"]);

        var put = Assert.Single(stub.Requests, r => r.Method == "PUT");
        Assert.Equal("/kylin/api/user_group/users", put.PathAndQuery);
        Assert.Equal("""{"group_name":"ops","users":["ADMIN","opsadmin","bob"]}""", put.Body);
    }

    [Fact]
    public async Task ACreateWithTheAdministratorAmongItsMembersIsRefusedBeforeSending()
    {
        var stub = Members([]);
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.KyligenceEnterprise4);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => kylin.Service.CreateGroupAsync(new NewUserGroup("dev") { MemberIds = ["alice", "ADMIN"] }));

        Assert.Equal("group", refused.ParamName);
        Assert.Contains("Kyligence Enterprise 4.x refuses", refused.Message, StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }

    [Theory]
    [InlineData(".hidden")]
    [InlineData(" ops")]
    [InlineData("ops ")]
    [InlineData("ops:1")]
    [InlineData("ops*")]
    [InlineData("ops?")]
    [InlineData("\"ops\"")]
    [InlineData("<ops>")]
    [InlineData("ops|dev")]
    [InlineData("运维")]
    public async Task ANameTheServerWouldRefuseToCreateIsRefusedBeforeSending(string name)
    {
        var stub = Members([]);
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Kylin5);

        await Assert.ThrowsAsync<ArgumentException>(() => kylin.Service.CreateGroupAsync(new NewUserGroup(name)));
        await Assert.ThrowsAsync<ArgumentException>(() => kylin.Client.OpenUserGroups.CreateGroupAsync(name));
        await Assert.ThrowsAsync<ArgumentException>(() => kylin.Client.OpenUserGroups.CreateGroupsAsync(["dev", name]));

        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task NamesWithDotsAndLatin1AreCreatedAsTheServerAllowsThem()
    {
        var stub = new StubHandler(request => request.Method == HttpMethod.Post
            ? StubHandler.Json(HttpStatusCode.OK, """{"code":"000","data":"","msg":"add user group"}""")
            : StubHandler.Json(HttpStatusCode.OK, Groups));
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Kylin5);

        await kylin.Client.OpenUserGroups.CreateGroupAsync("team.é-1");

        Assert.Equal("team.é-1", System.Text.Json.JsonDocument.Parse(Assert.Single(stub.Requests).Body!).RootElement.GetProperty("group_name").GetString());
    }

    [Fact]
    public async Task AllUsersInAnyCaseKeepsItsMembers()
    {
        var stub = Members([]);
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Kylin5);

        await Assert.ThrowsAsync<UserGroupValidationException>(() => kylin.Service.RemoveMembersAsync("all_users", ["alice"]));
        await Assert.ThrowsAsync<UserGroupValidationException>(() => kylin.Client.OpenUserGroups.SetGroupUsersAsync("All_Users", ["alice"]));

        Assert.Empty(stub.Requests);
    }

    // The group "ops" exists and has these members; a PUT succeeds.
    private static StubHandler Members(string[] members) => new(request =>
    {
        var path = request.RequestUri!.AbsolutePath;
        if (request.Method == HttpMethod.Put)
        {
            return StubHandler.Json(HttpStatusCode.OK, """{"code":"000","data":"","msg":"modify users in user group"}""");
        }

        if (path.Contains("/group_members/", StringComparison.Ordinal))
        {
            var users = string.Join(',', members.Select(m => $$"""{"username":"{{m}}","authorities":[],"disabled":false,"default_password":false,"locked":false}"""));
            return StubHandler.Json(HttpStatusCode.OK, $$"""{"code":"000","data":{"value":[{{users}}],"offset":0,"limit":100,"total_size":{{members.Length}}},"msg":""}""");
        }

        return StubHandler.Json(HttpStatusCode.OK, Groups);
    });
}
