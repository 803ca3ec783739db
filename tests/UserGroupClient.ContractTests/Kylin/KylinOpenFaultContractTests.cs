using UserGroupClient.ContractTests.Faults;
using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.Kylin;
using UserGroupClient.Testing.Kylin;
using static UserGroupClient.ContractTests.Kylin.KylinContract;

namespace UserGroupClient.ContractTests.Kylin;

/// <summary>
/// <see cref="FaultContracts{TClient}"/> on Kylin 5 and Kyligence Enterprise 4.x (docs/wire/kylin.md §12): the group list, a group's create and delete, and the
/// facade's exact-name lookup, through <see cref="KylinClient.OpenUserGroups"/> and the emulator of that flavor.
/// </summary>
[Collection(FaultTests.Collection)]
public sealed class KylinOpenFaultContractTests : FaultContracts<KylinClient>
{
    protected override string GroupName => "g1";

    protected override string GroupId => "g1";

    protected override ContractFixture ReadFixture => Fixture("open-groups");

    protected override ContractFixture CreateFixture => Fixture("open-create");

    protected override ContractFixture DeleteFixture => Fixture("open-delete");

    protected override ContractFixture LookupWithoutTheGroup => Fixture("open-lookup-g1-absent");

    protected override IReadOnlyList<ContractFixture> FindingTheCreatedGroup => [Fixture("open-lookup-g1")];

    protected override string CreatedGroupId => "g1";

    // A delete of a missing group is the server's HTTP 500 with its not-found message.
    protected override int MissingGroupDeleteStatus => 500;

    protected override string ServiceUnavailableMessage => "HTTP 503 with a body that is not Kylin's JSON envelope";

    protected override KylinClient Client(ContractServer server, Action<UserGroupClientOptions> retries) =>
        KylinContract.Client(server, options =>
        {
            options.Flavor = KylinFlavor.Kylin5;
            retries(options);
        });

    protected override IUserGroupService Facade(KylinClient client) => client.AsUserGroupService();

    protected override async Task ReadAsync(KylinClient client) =>
        Assert.Equal(["ALL_USERS", "ROLE_ADMIN", "ROLE_ANALYST", "ROLE_MODELER"], (await client.OpenUserGroups.ListGroupsAsync()).Items);

    protected override Task CreateAsync(KylinClient client) => client.OpenUserGroups.CreateGroupAsync(GroupName);

    protected override Task DeleteAsync(KylinClient client, string groupId) => client.OpenUserGroups.DeleteGroupAsync(groupId);

    protected override async Task<EmulatedServer<KylinClient>> StartEmulatorAsync()
    {
        var emulator = await KylinEmulator.StartAsync(new KylinEmulatorOptions { Flavor = KylinEmulatorFlavor.Kylin5 });
        var options = new KylinClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Credentials = KylinCredentials.Basic(KylinEmulator.AdminUsername, KylinEmulator.AdminPassword),
            Project = Project,
            Flavor = KylinFlavor.Kylin5,
        };
        ContractResilience.RetriesOn(options);
        return new EmulatedServer<KylinClient>
        {
            Emulator = emulator,
            Faults = emulator.Faults,
            Journal = emulator.Journal,
            Client = new KylinClient(options),
            AddGroup = name =>
            {
                emulator.AddGroup(name);
                return name;
            },
            Groups = () => [.. emulator.GetGroups().Select(name => (name, name))],
        };
    }
}
