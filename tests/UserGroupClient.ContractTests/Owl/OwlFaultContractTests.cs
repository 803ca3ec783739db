using System.Globalization;
using UserGroupClient.ContractTests.Faults;
using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.Owl;
using UserGroupClient.Testing.Owl;
using static UserGroupClient.ContractTests.Owl.OwlContract;

namespace UserGroupClient.ContractTests.Owl;

/// <summary>
/// <see cref="FaultContracts{TClient}"/> on Owl: the user-group list, a user group's create and delete, and the user-group
/// facade's lookup by search. Owl creates with a PUT, which is never resent all the same; besides, an update (a POST)
/// is not resent either.
/// </summary>
[Collection(FaultTests.Collection)]
public sealed class OwlFaultContractTests : FaultContracts<OwlClient>
{
    protected override string GroupName => "ops";

    protected override string GroupId => "2";

    protected override ContractFixture ReadFixture => Fixture("usergroups-list-all");

    protected override ContractFixture CreateFixture => Fixture("usergroups-create-empty");

    protected override ContractFixture DeleteFixture => Fixture("usergroups-delete");

    protected override ContractFixture LookupWithoutTheGroup => Fixture("usergroups-find-none");

    protected override IReadOnlyList<ContractFixture> FindingTheCreatedGroup => [Fixture("usergroups-find-ops")];

    protected override string CreatedGroupId => "3";

    // Owl answers a delete of a missing user group with HTTP 200 and code 404 in the envelope.
    protected override int MissingGroupDeleteStatus => 200;

    protected override string ServiceUnavailableMessage => "HTTP 503 ServiceUnavailable";

    protected override OwlClient Client(ContractServer server, Action<UserGroupClientOptions> retries) => OwlContract.Client(server, retries);

    protected override IUserGroupService Facade(OwlClient client) => client.AsUserGroupService();

    protected override async Task ReadAsync(OwlClient client)
    {
        var group = Assert.Single(await client.UserGroups.ListAsync());
        Assert.Equal((2, "appcpa"), (group.Id, group.Name));
    }

    protected override Task CreateAsync(OwlClient client) => client.UserGroups.CreateAsync(GroupName);

    protected override Task DeleteAsync(OwlClient client, string groupId) => client.UserGroups.DeleteAsync(int.Parse(groupId, CultureInfo.InvariantCulture));

    protected override async Task<EmulatedServer<OwlClient>> StartEmulatorAsync()
    {
        var emulator = await OwlEmulator.StartAsync();
        var options = new OwlClientOptions { BaseAddress = emulator.BaseAddress, Credentials = OwlCredentials.Token(emulator.IssueToken(OwlEmulator.AdminUsername)) };
        ContractResilience.RetriesOn(options);
        return new EmulatedServer<OwlClient>
        {
            Emulator = emulator,
            Faults = emulator.Faults,
            Journal = emulator.Journal,
            Client = new OwlClient(options),
            AddGroup = name => Id(emulator.AddUserGroup(name).Id),
            Groups = () => [.. emulator.GetUserGroups().Select(group => (Id(group.Id), group.Name))],
        };
    }

    [Fact]
    public async Task AHostGroupUpdateAnsweredByA503PageIsNotResent() =>
        await AssertNotResentAfterA503PageAsync(Fixture("hostgroups-update"), client => client.HostGroups.UpdateAsync(8, "test_group_new", ["03381a1a3ea35d5a"]));

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
