using System.Globalization;
using UserGroupClient.ContractTests.Faults;
using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.MinApp;
using UserGroupClient.Testing.MinApp;
using static UserGroupClient.ContractTests.MinApp.MinAppContract;

namespace UserGroupClient.ContractTests.MinApp;

/// <summary>
/// <see cref="FaultContracts{TClient}"/> on MinApp: a user group's read, create and delete, and the facade's lookup,
/// which reads every group; a create whose 201 comes back empty is read from its <c>Location</c>. Besides, the update
/// (a PUT) is resent and the membership PATCH is not.
/// </summary>
[Collection(FaultTests.Collection)]
public sealed class MinAppFaultContractTests : FaultContracts<MinAppClient>
{
    protected override string GroupName => "User Group";

    protected override string GroupId => "47";

    protected override ContractFixture ReadFixture => Fixture("user-groups-get");

    protected override ContractFixture CreateFixture => Fixture("user-groups-create");

    protected override ContractFixture DeleteFixture => Fixture("user-groups-delete");

    protected override ContractFixture LookupWithoutTheGroup => Fixture("user-groups-list-all-before-create");

    protected override IReadOnlyList<ContractFixture> FindingTheCreatedGroup => [Fixture("user-groups-get-created")];

    protected override string CreatedGroupId => "47";

    protected override int MissingGroupDeleteStatus => 404;

    protected override string ServiceUnavailableMessage => ContractFaults.ServiceUnavailablePage.TrimEnd();

    protected override MinAppClient Client(ContractServer server, Action<UserGroupClientOptions> retries) => MinAppContract.Client(server, retries);

    protected override IUserGroupService Facade(MinAppClient client) => client.AsUserGroupService();

    protected override async Task ReadAsync(MinAppClient client)
    {
        var group = await client.UserGroups.GetAsync(47);
        Assert.Equal((47L, "User Group"), (group.Id, group.Name));
    }

    protected override Task CreateAsync(MinAppClient client) => client.UserGroups.CreateAsync(new MinAppUserGroupCreate(GroupName));

    protected override Task DeleteAsync(MinAppClient client, string groupId) => client.UserGroups.DeleteAsync(long.Parse(groupId, CultureInfo.InvariantCulture));

    protected override async Task<EmulatedServer<MinAppClient>> StartEmulatorAsync()
    {
        var emulator = await MinAppEmulator.StartAsync();
        var options = new MinAppClientOptions { BaseAddress = emulator.BaseAddress, Credentials = MinAppCredentials.AccessToken(emulator.IssueAccessToken()) };
        ContractResilience.RetriesOn(options);
        return new EmulatedServer<MinAppClient>
        {
            Emulator = emulator,
            Faults = emulator.Faults,
            Journal = emulator.Journal,
            Client = new MinAppClient(options),
            AddGroup = name => Id(emulator.AddUserGroup(name).Id),
            Groups = () => [.. emulator.GetUserGroups().Select(group => (Id(group.Id), group.Name))],
        };
    }

    [Fact]
    public async Task AnUpdateAnsweredByA503PageIsSentAgain() =>
        await AssertResentAfterA503PageAsync(
            Fixture("user-groups-update"),
            async client => Assert.Equal("user group", (await client.UserGroups.UpdateAsync(47, new MinAppUserGroupUpdate("user group"))).Name));

    [Fact]
    public async Task AMembershipPatchAnsweredByA503PageIsNotResent() =>
        await AssertNotResentAfterA503PageAsync(Fixture("membership-add"), client => client.Membership.AddAsync([5, 6], [53, 54]));

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
