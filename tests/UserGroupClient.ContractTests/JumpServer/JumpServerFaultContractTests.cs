using UserGroupClient.ContractTests.Faults;
using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.JumpServer;
using UserGroupClient.Testing.JumpServer;
using WireMock.ResponseBuilders;
using static UserGroupClient.ContractTests.JumpServer.JumpServerContract;

namespace UserGroupClient.ContractTests.JumpServer;

/// <summary>
/// <see cref="FaultContracts{TClient}"/> on JumpServer: a group's read, create and delete, the facade's lookup by exact
/// name, and DRF's own throttling answer; besides, the whole-group PUT is resent and the PATCH is not.
/// </summary>
[Collection(FaultTests.Collection)]
public sealed class JumpServerFaultContractTests : FaultContracts<JumpServerClient>
{
    protected override string GroupName => "api_test";

    protected override string GroupId => JumpServerContract.GroupId;

    protected override ContractFixture ReadFixture => Fixture("groups-get");

    protected override ContractFixture CreateFixture => Fixture("groups-create");

    protected override ContractFixture DeleteFixture => Fixture("groups-delete");

    protected override ContractFixture LookupWithoutTheGroup => Fixture("groups-find-by-name-none");

    protected override IReadOnlyList<ContractFixture> FindingTheCreatedGroup => [Fixture("groups-find-by-name")];

    protected override string CreatedGroupId => JumpServerContract.GroupId;

    protected override int MissingGroupDeleteStatus => 404;

    protected override string ServiceUnavailableMessage => "HTTP 503 ServiceUnavailable";

    protected override IResponseBuilder TooManyRequests =>
        ContractFaults.RateLimited(1, """{"detail": "Request was throttled. Expected available in 1 second.", "code": "throttled"}""");

    protected override string? TooManyRequestsCode => "throttled";

    protected override JumpServerClient Client(ContractServer server, Action<UserGroupClientOptions> retries) => JumpServerContract.Client(server, retries);

    protected override IUserGroupService Facade(JumpServerClient client) => client.AsUserGroupService();

    protected override async Task ReadAsync(JumpServerClient client)
    {
        var group = await client.UserGroups.GetAsync(GroupId);
        Assert.Equal((GroupId, "api_test"), (group.Id, group.Name));
    }

    protected override Task CreateAsync(JumpServerClient client) => client.UserGroups.CreateAsync(new JumpServerUserGroupCreate(GroupName));

    protected override Task DeleteAsync(JumpServerClient client, string groupId) => client.UserGroups.DeleteAsync(groupId);

    protected override async Task<EmulatedServer<JumpServerClient>> StartEmulatorAsync()
    {
        var emulator = await JumpServerEmulator.StartAsync();
        var key = emulator.AddAccessKey(JumpServerEmulator.AdminUsername);
        var options = new JumpServerClientOptions { BaseAddress = emulator.BaseAddress, Credentials = JumpServerCredentials.AccessKey(key.Id, key.Secret) };
        ContractResilience.RetriesOn(options);
        return new EmulatedServer<JumpServerClient>
        {
            Emulator = emulator,
            Faults = emulator.Faults,
            Journal = emulator.Journal,
            Client = new JumpServerClient(options),
            AddGroup = name => emulator.AddGroup(name).Id,
            Groups = () => [.. emulator.GetGroups().Select(group => (group.Id, group.Name))],
        };
    }

    [Fact]
    public async Task AnUpdateAnsweredByA503PageIsSentAgain() =>
        await AssertResentAfterA503PageAsync(
            Fixture("groups-update"),
            async client => Assert.Equal("api_test_renamed", (await client.UserGroups.UpdateAsync(GroupId, new JumpServerUserGroupUpdate("api_test_renamed") { Comment = "ops team", Users = [MemberId] })).Name));

    [Fact]
    public async Task APatchAnsweredByA503PageIsNotResent() =>
        await AssertNotResentAfterA503PageAsync(
            Fixture("groups-patch"),
            client => client.UserGroups.PatchAsync(GroupId, new JumpServerUserGroupPatch { Name = "api_test_renamed", Comment = "ops team" }));
}
