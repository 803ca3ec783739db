using System.Net;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.IntegrationTests.Kylin;

/// <summary>
/// A client pointed at a Kylin that does not speak the KAP / KE 3.x v2 API gets an exception that says so and names the
/// supported versions, once, instead of a bare status or a retried 500.
/// </summary>
public sealed class KylinUnsupportedServerTests
{
    public static TheoryData<string> FacadeCalls => new() { "list", "find", "delete", "members", "add members", "set members" };

    [Theory]
    [MemberData(nameof(FacadeCalls))]
    public async Task ApacheKylinIsNamedAsUnsupportedWithItsStatus(string call)
    {
        await using var server = await KylinTestServer.StartAsync(emulatorOptions: new KylinEmulatorOptions { Flavor = KylinEmulatorFlavor.Apache4 });

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => CallAsync(server.Service, call));

        Assert.Equal(HttpStatusCode.NotAcceptable, error.StatusCode);
        AssertNamesTheProblem(error, "Apache Kylin 3.x/4.x");
        Assert.Single(server.Emulator.Journal.Entries);
    }

    [Theory]
    [MemberData(nameof(FacadeCalls))]
    public async Task Kylin5AndKe4AreNamedAsUnsupportedAndTheir500IsNotRetried(string call)
    {
        await using var server = await KylinTestServer.StartAsync(emulatorOptions: new KylinEmulatorOptions { Flavor = KylinEmulatorFlavor.Kylin5 });

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => CallAsync(server.Service, call));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("Internal Server Error", error.ServerMessage);
        AssertNamesTheProblem(error, "Kylin 5 and Kyligence Enterprise 4.x");
        Assert.Single(server.Emulator.Journal.Entries);
    }

    [Fact]
    public async Task TheTypedApiNamesApacheKylinOnEveryEndpointItCannotServe()
    {
        await using var server = await KylinTestServer.StartAsync(emulatorOptions: new KylinEmulatorOptions { Flavor = KylinEmulatorFlavor.Apache4 });
        var api = server.Client.UserGroups;

        var create = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => api.CreateGroupAsync("ops"));
        var setUsers = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => api.SetGroupUsersAsync("ops", ["alice"]));
        var usersWithGroup = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => api.ListUsersWithGroupAsync());

        Assert.Equal(HttpStatusCode.NotAcceptable, create.StatusCode);
        Assert.Equal(HttpStatusCode.NotAcceptable, setUsers.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, usersWithGroup.StatusCode);
        AssertNamesTheProblem(usersWithGroup, "Apache Kylin 3.x/4.x");
    }

    [Fact]
    public async Task Kylin5RefusesBeforeCheckingCredentialsSoEvenWrongOnesGetTheVersionProblem()
    {
        await using var server = await KylinTestServer.StartAsync("alice", "wrong", new KylinEmulatorOptions { Flavor = KylinEmulatorFlavor.Kylin5 });

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => server.Client.UserGroups.DeleteGroupAsync("ops"));

        AssertNamesTheProblem(error, "Kylin 5");
        Assert.False(server.Emulator.FindUser("alice")!.Locked);
    }

    [Fact]
    public async Task KapBusinessErrorsAnswered500AreNotTakenForAnUnsupportedServer()
    {
        await using var server = await KylinTestServer.StartAsync();
        server.Emulator.AddGroup("ops");

        var conflict = await Assert.ThrowsAsync<UserGroupConflictException>(() => server.Client.UserGroups.CreateGroupAsync("ops"));
        var unknownUser = await Assert.ThrowsAsync<UserGroupNotFoundException>(() => server.Service.SetMembersAsync("ops", ["ghost"]));

        Assert.Equal(HttpStatusCode.InternalServerError, conflict.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, unknownUser.StatusCode);
    }

    private static void AssertNamesTheProblem(UserGroupApiException error, string server)
    {
        Assert.Equal("Kylin", error.Dialect);
        Assert.Contains("the server does not speak the KAP / Kyligence Enterprise 3.x v2 API", error.Message, StringComparison.Ordinal);
        Assert.Contains(server, error.Message, StringComparison.Ordinal);
        Assert.Contains("This SDK supports the KAP / Kyligence Enterprise 3.x v2 API only", error.Message, StringComparison.Ordinal);
    }

    private static async Task CallAsync(IUserGroupService service, string call)
    {
        switch (call)
        {
            case "list":
                await foreach (var group in service.ListGroupsAsync())
                {
                    Assert.Fail($"listed {group.Name}");
                }

                break;
            case "find":
                await service.FindGroupByNameAsync("ops");
                break;
            case "delete":
                await service.DeleteGroupAsync("ops");
                break;
            case "members":
                await foreach (var member in service.ListMembersAsync("ops"))
                {
                    Assert.Fail($"listed {member.Id}");
                }

                break;
            case "add members":
                await service.AddMembersAsync("ops", ["alice"]);
                break;
            default:
                await service.SetMembersAsync("ops", ["alice"]);
                break;
        }
    }
}
