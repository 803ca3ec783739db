using UserGroupClient.ContractTests.Faults;
using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.Kylin;
using UserGroupClient.Testing.Kylin;
using static UserGroupClient.ContractTests.Kylin.KylinContract;

namespace UserGroupClient.ContractTests.Kylin;

/// <summary>
/// <see cref="FaultContracts{TClient}"/> on Apache Kylin 3.x/4.x (docs/wire/kylin.md §11): the group list, a group's create and delete, and the
/// facade's exact-name lookup, through <see cref="KylinClient.ApacheUserGroups"/> and the emulator of that flavor.
/// </summary>
[Collection(FaultTests.Collection)]
public sealed class KylinApacheFaultContractTests : FaultContracts<KylinClient>
{
    protected override string GroupName => "g1";

    protected override string GroupId => "g1";

    protected override ContractFixture ReadFixture => Fixture("apache-groups");

    protected override ContractFixture CreateFixture => Fixture("apache-create");

    protected override ContractFixture DeleteFixture => Fixture("apache-delete");

    protected override ContractFixture LookupWithoutTheGroup => Fixture("apache-lookup-g1-absent");

    protected override IReadOnlyList<ContractFixture> FindingTheCreatedGroup => [Fixture("apache-lookup-g1")];

    protected override string CreatedGroupId => "g1";

    // A delete of a missing group is the server's HTTP 500 with its not-found message.
    protected override int MissingGroupDeleteStatus => 500;

    protected override string ServiceUnavailableMessage => "HTTP 503 with a body that is not Kylin's JSON envelope";

    protected override KylinClient Client(ContractServer server, Action<UserGroupClientOptions> retries) =>
        KylinContract.Client(server, options =>
        {
            options.Flavor = KylinFlavor.Apache4;
            retries(options);
        });

    protected override IUserGroupService Facade(KylinClient client) => client.AsUserGroupService();

    protected override async Task ReadAsync(KylinClient client) =>
        Assert.Equal(["ALL_USERS", "ROLE_ADMIN", "ROLE_ANALYST", "ROLE_MODELER"], (await client.ApacheUserGroups.ListGroupsAsync()).Items.Select(g => g.Name));

    protected override Task CreateAsync(KylinClient client) => client.ApacheUserGroups.CreateGroupAsync(GroupName);

    protected override Task DeleteAsync(KylinClient client, string groupId) => client.ApacheUserGroups.DeleteGroupAsync(groupId);

    protected override async Task<EmulatedServer<KylinClient>> StartEmulatorAsync()
    {
        var emulator = await KylinEmulator.StartAsync(new KylinEmulatorOptions { Flavor = KylinEmulatorFlavor.Apache4 });
        var options = new KylinClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Credentials = KylinCredentials.Basic(KylinEmulator.AdminUsername, KylinEmulator.AdminPassword),
            Project = Project,
            Flavor = KylinFlavor.Apache4,
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
