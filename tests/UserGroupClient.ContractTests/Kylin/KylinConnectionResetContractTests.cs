using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.Kylin;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.ContractTests.Kylin;

/// <summary>
/// Connection resets, which WireMock.Net cannot make, through the Kylin emulator's fault injection: before the server
/// handled the request, and after it did (the answer is lost). The journal shows what was sent.
/// </summary>
public sealed class KylinConnectionResetContractTests
{
    private const string Groups = "GET /kylin/api/user_group/groups?project=a";

    [Fact]
    public async Task AReadWhoseConnectionIsResetIsSentAgain()
    {
        await using var emulator = await KylinEmulator.StartAsync();
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ConnectionReset, method: "GET"));
        using var client = Client(emulator);

        var groups = await client.UserGroups.ListGroupsAsync();

        Assert.Contains("ALL_USERS", groups);
        Assert.Equal([Groups, Groups], Sent(emulator));
    }

    [Fact]
    public async Task ACreateWhoseConnectionIsResetIsNotResentAndNothingIsCreated()
    {
        await using var emulator = await KylinEmulator.StartAsync();
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ConnectionReset, method: "POST"));
        using var client = Client(emulator);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => client.UserGroups.CreateGroupAsync("g1"));

        Assert.Null(error.StatusCode);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(["POST /kylin/api/user_group/g1"], Sent(emulator));
        Assert.DoesNotContain("g1", emulator.GetGroups());
    }

    [Fact]
    public async Task AFacadeCreateWhoseAnswerIsLostAdoptsTheGroupItCreated()
    {
        await using var emulator = await KylinEmulator.StartAsync();
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ResponseLost, method: "POST"));
        using var client = Client(emulator);

        var created = await client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("g1"));

        Assert.Equal("g1", created.Id);
        Assert.Contains("g1", emulator.GetGroups());
        Assert.Equal([Groups, "POST /kylin/api/user_group/g1", Groups], Sent(emulator));
    }

    [Fact]
    public async Task AMemberReplaceWhoseAnswerIsLostIsSentAgain()
    {
        await using var emulator = await KylinEmulator.StartAsync();
        emulator.AddGroup("g1");
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ResponseLost, method: "PUT"));
        using var client = Client(emulator);

        await client.UserGroups.SetGroupUsersAsync("g1", [KylinEmulator.AdminUsername, KylinEmulator.AnalystUsername]);

        Assert.Equal([KylinEmulator.AdminUsername, KylinEmulator.AnalystUsername], emulator.GetGroupMembers("g1").Order(StringComparer.Ordinal));
        Assert.Equal(["PUT /kylin/api/user_group/users/g1", "PUT /kylin/api/user_group/users/g1"], Sent(emulator));
    }

    [Fact]
    public async Task ADeleteWhoseAnswerIsLostIsSentAgainAndItsNotFoundCountsAsDone()
    {
        // KAP answers the resent DELETE with HTTP 500 "Operation failed, group:g1 does not exists": the SDK's own first
        // attempt deleted it, so that not-found is the caller's success.
        await using var emulator = await KylinEmulator.StartAsync();
        emulator.AddGroup("g1");
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ResponseLost, method: "DELETE"));
        using var client = Client(emulator);

        await client.UserGroups.DeleteGroupAsync("g1");

        Assert.DoesNotContain("g1", emulator.GetGroups());
        Assert.Equal(["DELETE /kylin/api/user_group/g1", "DELETE /kylin/api/user_group/g1"], Sent(emulator));
    }

    private static KylinClient Client(KylinEmulator emulator)
    {
        var options = new KylinClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Credentials = KylinCredentials.Basic(KylinEmulator.AdminUsername, KylinEmulator.AdminPassword),
            Project = KylinContract.Project,
        };
        ContractResilience.RetriesOn(options);
        return new KylinClient(options);
    }

    private static List<string> Sent(KylinEmulator emulator) => [.. emulator.Journal.Entries.Select(e => $"{e.Method} {e.PathAndQuery}")];
}
