using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.Kylin;
using static UserGroupClient.ContractTests.Kylin.KylinContract;

namespace UserGroupClient.ContractTests.Kylin;

/// <summary>
/// Flavor detection (docs/wire/kylin.md §10): one <c>GET admin/version</c> without credentials, with a
/// media type every flavor accepts, tells the flavors apart by their answers.
/// </summary>
public sealed class KylinFlavorDetectionContractTests
{
    public static TheoryData<string, KylinFlavor> Answers => new()
    {
        { "version-apache3", KylinFlavor.Apache3 },
        { "version-apache4", KylinFlavor.Apache4 },
        { "version-kylin5", KylinFlavor.Kylin5 },
        { "version-ke4", KylinFlavor.KyligenceEnterprise4 },
        { "version-kap3", KylinFlavor.Kap3 },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task OneAnonymousVersionRequestTellsTheFlavor(string answer, KylinFlavor flavor)
    {
        using var server = new ContractServer();
        var probe = Fixture(answer);
        server.Given(probe);
        using var client = Client(server, o => o.Flavor = KylinFlavor.Auto);

        Assert.Equal(flavor, await client.DetectFlavorAsync());
        Assert.Equal(flavor, await client.DetectFlavorAsync());

        AuthorizationShape.AssertNone(server.Received(probe));
        Assert.Equal(flavor, client.DetectedFlavor);
    }

    [Fact]
    public async Task TheFacadeDetectsFirstThenSpeaksTheFlavorsApi()
    {
        using var server = new ContractServer();
        var probe = Fixture("version-kylin5");
        var first = Fixture("open-groups-page-1");
        var second = Fixture("open-groups-page-2");
        server.Given(probe).GivenInTurn(AfterTheLastAnswer.NoMapping, first, second);
        using var client = Client(server, o => (o.Flavor, o.DefaultPageSize) = (KylinFlavor.Auto, 2));

        var names = await client.AsUserGroupService().ListGroupsAsync().Select(g => g.Name).ToListAsync();

        Assert.Equal(["ALL_USERS", "ROLE_ADMIN", "ROLE_ANALYST", "ROLE_MODELER"], names);
        var received = server.ReceivedInOrder(probe, first, second);
        AuthorizationShape.AssertNone(received[0]);
        AssertBasic(received[1]);
    }
}
