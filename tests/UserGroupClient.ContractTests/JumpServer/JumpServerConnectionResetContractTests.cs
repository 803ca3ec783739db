using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.JumpServer;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.ContractTests.JumpServer;

/// <summary>
/// Connection resets, which WireMock.Net cannot make, through the JumpServer emulator's fault injection: before the
/// server handled the request, and after it did (the answer is lost). The journal shows what was sent.
/// </summary>
public sealed class JumpServerConnectionResetContractTests
{
    [Fact]
    public async Task AReadWhoseConnectionIsResetIsSentAgain()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        var group = emulator.AddGroup("api_test");
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ConnectionReset, method: "GET"));
        using var client = Client(emulator);

        var read = await client.UserGroups.GetAsync(group.Id);

        Assert.Equal("api_test", read.Name);
        Assert.Equal([$"GET /api/v1/users/groups/{group.Id}/", $"GET /api/v1/users/groups/{group.Id}/"], Sent(emulator));
        Assert.Equal(EmulatedFaultKind.ConnectionReset, emulator.Journal.Entries[0].Fault?.Kind);
    }

    [Fact]
    public async Task ACreateWhoseConnectionIsResetIsNotResentAndNothingIsCreated()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ConnectionReset, method: "POST"));
        using var client = Client(emulator);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => client.UserGroups.CreateAsync(new JumpServerUserGroupCreate("api_test")));

        Assert.Null(error.StatusCode);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(["POST /api/v1/users/groups/"], Sent(emulator));
        Assert.Empty(emulator.GetGroups());
    }

    [Fact]
    public async Task AFacadeCreateWhoseAnswerIsLostAdoptsTheGroupItCreated()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ResponseLost, method: "POST"));
        using var client = Client(emulator);

        var created = await client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("api_test"));

        var stored = Assert.Single(emulator.GetGroups());
        Assert.Equal(stored.Id, created.Id);
        Assert.Equal(
            ["GET /api/v1/users/groups/?limit=100&name=api_test", "POST /api/v1/users/groups/", "GET /api/v1/users/groups/?limit=100&name=api_test"],
            Sent(emulator));
    }

    [Fact]
    public async Task ADeleteWhoseAnswerIsLostIsSentAgainAndItsNotFoundCountsAsDone()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        var group = emulator.AddGroup("api_test");
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ResponseLost, method: "DELETE"));
        using var client = Client(emulator);

        await client.UserGroups.DeleteAsync(group.Id);

        Assert.Empty(emulator.GetGroups());
        Assert.Equal([$"DELETE /api/v1/users/groups/{group.Id}/", $"DELETE /api/v1/users/groups/{group.Id}/"], Sent(emulator));
        Assert.Equal([204, 404], emulator.Journal.Entries.Select(e => e.StatusCode));
    }

    private static JumpServerClient Client(JumpServerEmulator emulator)
    {
        var key = emulator.AddAccessKey(JumpServerEmulator.AdminUsername);
        var options = new JumpServerClientOptions { BaseAddress = emulator.BaseAddress, Credentials = JumpServerCredentials.AccessKey(key.Id, key.Secret) };
        ContractResilience.RetriesOn(options);
        return new JumpServerClient(options);
    }

    private static List<string> Sent(JumpServerEmulator emulator) => [.. emulator.Journal.Entries.Select(e => $"{e.Method} {e.PathAndQuery}")];
}
