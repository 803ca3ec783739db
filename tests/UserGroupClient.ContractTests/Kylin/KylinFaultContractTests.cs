using UserGroupClient.ContractTests.Faults;
using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.Kylin;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.Kylin;
using static UserGroupClient.ContractTests.Kylin.KylinContract;

namespace UserGroupClient.ContractTests.Kylin;

/// <summary>
/// <see cref="FaultContracts{TClient}"/> on Kylin: the group list, a group's create and delete by name, and the facade's
/// lookup in the group list; besides, the member replace (a PUT) is resent, and a garbled member list never shows the
/// password hashes it carries.
/// </summary>
[Collection(FaultTests.Collection)]
public sealed class KylinFaultContractTests : FaultContracts<KylinClient>
{
    private const string PasswordHash = "$2a$10$T6mhEmdwwwZJPPoON3k7t";

    protected override string GroupName => "g1";

    protected override string GroupId => "g1";

    protected override ContractFixture ReadFixture => Fixture("groups");

    protected override ContractFixture CreateFixture => Fixture("create");

    protected override ContractFixture DeleteFixture => Fixture("delete");

    protected override ContractFixture LookupWithoutTheGroup => Fixture("groups");

    protected override IReadOnlyList<ContractFixture> FindingTheCreatedGroup => [Fixture("groups-with-g1")];

    protected override string CreatedGroupId => "g1";

    // KAP answers a delete of a missing group with HTTP 500 "Operation failed, group:g1 does not exists".
    protected override int MissingGroupDeleteStatus => 500;

    protected override string ServiceUnavailableMessage => "HTTP 503 with a body that is not Kylin's JSON envelope";

    protected override KylinClient Client(ContractServer server, Action<UserGroupClientOptions> retries) => KylinContract.Client(server, retries);

    protected override IUserGroupService Facade(KylinClient client) => client.AsUserGroupService();

    protected override async Task ReadAsync(KylinClient client) =>
        Assert.Equal(["ALL_USERS", "ROLE_ADMIN", "ROLE_ANALYST", "ROLE_MODELER"], await client.UserGroups.ListGroupsAsync());

    protected override Task CreateAsync(KylinClient client) => client.UserGroups.CreateGroupAsync(GroupName);

    protected override Task DeleteAsync(KylinClient client, string groupId) => client.UserGroups.DeleteGroupAsync(groupId);

    protected override async Task<EmulatedServer<KylinClient>> StartEmulatorAsync()
    {
        var emulator = await KylinEmulator.StartAsync();
        return new EmulatedServer<KylinClient>
        {
            Emulator = emulator,
            Faults = emulator.Faults,
            Journal = emulator.Journal,
            Client = EmulatorClient(emulator),
            AddGroup = name =>
            {
                emulator.AddGroup(name);
                return name;
            },
            Groups = () => [.. emulator.GetGroups().Select(name => (name, name))],
        };
    }

    [Fact]
    public async Task AMemberReplaceAnsweredByA503PageIsSentAgain() =>
        await AssertResentAfterA503PageAsync(Fixture("set-users"), client => client.UserGroups.SetGroupUsersAsync("g1", ["ADMIN", "ANALYST", "MODELER"]));

    [Fact]
    public async Task AMemberListWhoseBodyIsAMalformedChunkNeverShowsThePasswordHashes()
    {
        var error = await AssertMalformedChunkIsNotResentAsync(Fixture("group-members"), client => client.UserGroups.ListGroupMembersAsync("ALL_USERS", 0, 100));

        Assert.DoesNotContain(PasswordHash, error.ResponseBody ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(PasswordHash, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMemberReplaceWhoseAnswerIsLostIsSentAgain()
    {
        await using var emulator = await KylinEmulator.StartAsync();
        emulator.AddGroup("g1");
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ResponseLost, method: "PUT"));
        using var client = EmulatorClient(emulator);

        await client.UserGroups.SetGroupUsersAsync("g1", [KylinEmulator.AdminUsername, KylinEmulator.AnalystUsername]);

        Assert.Equal([KylinEmulator.AdminUsername, KylinEmulator.AnalystUsername], emulator.GetGroupMembers("g1").Order(StringComparer.Ordinal));
        Assert.Equal(["PUT /kylin/api/user_group/users/g1", "PUT /kylin/api/user_group/users/g1"], emulator.Journal.Entries.Select(e => $"{e.Method} {e.PathAndQuery}"));
    }

    private static KylinClient EmulatorClient(KylinEmulator emulator)
    {
        var options = new KylinClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Credentials = KylinCredentials.Basic(KylinEmulator.AdminUsername, KylinEmulator.AdminPassword),
            Project = Project,

            // The KAP v2 contract, as the fixtures: no flavor probe before the requests the faults are counted on.
            Flavor = KylinFlavor.Kap3,
        };
        ContractResilience.RetriesOn(options);
        return new KylinClient(options);
    }
}
