using System.Net;
using UserGroupClient.Kylin;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.IntegrationTests.Kylin;

/// <summary>
/// A client set up for one Kylin flavor (or a typed API of one) that meets a server of another gets one exception that
/// names both, after one unauthenticated probe, instead of a bare status or a retried 500.
/// </summary>
public sealed class KylinUnsupportedServerTests
{
    public static TheoryData<string> FacadeCalls => new() { "list", "find", "delete", "members", "add members", "set members" };

    [Theory]
    [MemberData(nameof(FacadeCalls))]
    public async Task AKapClientOnApacheKylinNamesBothFlavorsAfterOneProbe(string call)
    {
        await using var server = await KylinTestServer.StartAsync(
            emulatorOptions: new KylinEmulatorOptions { Flavor = KylinEmulatorFlavor.Apache4 },
            configure: o => o.Flavor = KylinFlavor.Kap3);

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => CallAsync(server.Service, call));

        Assert.Equal(HttpStatusCode.NotAcceptable, error.StatusCode);
        AssertNamesBoth(error, "KAP / Kyligence Enterprise 3.x (KylinClientOptions.Flavor = Kap3)", "Apache Kylin 4.x (Apache4: Apache kylin 4.0.5)", "Apache4");
        var journal = server.Emulator.Journal.Entries;
        Assert.Equal(2, journal.Count);
        Assert.Equal("/kylin/api/admin/version", journal[1].Path);
        Assert.Equal(KylinFlavor.Apache4, server.Client.DetectedFlavor);
    }

    [Fact]
    public async Task TheKapTypedApiNamesApacheKylinOnEveryEndpointItCannotServeAndProbesOnce()
    {
        await using var server = await KylinTestServer.StartAsync(emulatorOptions: new KylinEmulatorOptions { Flavor = KylinEmulatorFlavor.Apache3 });
        var api = server.Client.UserGroups;

        var create = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => api.CreateGroupAsync("ops"));
        var setUsers = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => api.SetGroupUsersAsync("ops", ["alice"]));
        var usersWithGroup = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => api.ListUsersWithGroupAsync());

        Assert.Equal(HttpStatusCode.NotAcceptable, create.StatusCode);
        Assert.Equal(HttpStatusCode.NotAcceptable, setUsers.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, usersWithGroup.StatusCode);
        AssertNamesBoth(usersWithGroup, "KylinClient.UserGroups", "Apache Kylin 3.x (Apache3: Apache kylin 3.1.3)", "KylinClient.ApacheUserGroups");
        Assert.Single(server.Emulator.Journal.Entries, e => e.Path == "/kylin/api/admin/version");
        Assert.DoesNotContain("ops", server.Emulator.GetGroups());
    }

    [Fact]
    public async Task KapBusinessErrorsAnswered500AreNotTakenForAnotherFlavor()
    {
        await using var server = await KylinTestServer.StartAsync();
        server.Emulator.AddGroup("ops");

        var conflict = await Assert.ThrowsAsync<UserGroupConflictException>(() => server.Client.UserGroups.CreateGroupAsync("ops"));
        var unknownUser = await Assert.ThrowsAsync<UserGroupNotFoundException>(() => server.Service.SetMembersAsync("ops", ["ghost"]));

        Assert.Equal(HttpStatusCode.InternalServerError, conflict.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, unknownUser.StatusCode);
    }

    private static void AssertNamesBoth(UserGroupApiException error, string configured, string detected, string advice)
    {
        Assert.Equal("Kylin", error.Dialect);
        Assert.Contains(configured, error.Message, StringComparison.Ordinal);
        Assert.Contains($"but the server is {detected}", error.Message, StringComparison.Ordinal);
        Assert.Contains(advice, error.Message, StringComparison.Ordinal);
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
