using System.Net;
using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.Kylin;
using static UserGroupClient.ContractTests.Kylin.KylinContract;

namespace UserGroupClient.ContractTests.Kylin;

/// <summary>
/// A KAP client's v2 request answered as another flavor answers it (docs/wire/kylin.md §10–§12) raises
/// <see cref="UserGroupUnsupportedServerException"/> once, with its status, not resent, after one unauthenticated probe
/// that finds the server's flavor, which the message names beside the configured one.
/// </summary>
public sealed class KylinUnsupportedServerContractTests
{
    [Fact]
    public async Task ApacheKylinsNotAcceptablePageNamesBothFlavors()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-apache-kylin");
        var probe = Fixture("version-apache4");
        server.Given(fixture).Given(probe);
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => client.UserGroups.ListGroupsAsync());

        var received = server.ReceivedInOrder(fixture, probe);
        AuthorizationShape.AssertNone(received[1]);
        AssertNamesBoth(error, HttpStatusCode.NotAcceptable, "Apache Kylin 4.x (Apache4: Apache kylin 4.0.5)", KylinFlavor.Apache4);
    }

    [Fact]
    public async Task ApacheKylinsMethodNotAllowedPageNamesBothFlavors()
    {
        using var server = new ContractServer();
        var fixture = Fixture("users-with-group-apache-kylin");
        var probe = Fixture("version-apache3");
        server.Given(fixture).Given(probe);
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => client.UserGroups.ListUsersWithGroupAsync(0, 9));

        server.ReceivedInOrder(fixture, probe);
        AssertNamesBoth(error, HttpStatusCode.MethodNotAllowed, "Apache Kylin 3.x (Apache3: Apache kylin 3.1.3)", KylinFlavor.Apache3);
    }

    [Fact]
    public async Task Kylin5sSpringBoot500NamesBothFlavorsAndIsNotResent()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-kylin5");
        var probe = Fixture("version-kylin5");
        server.Given(fixture).Given(probe);
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => client.UserGroups.ListGroupsAsync());

        server.ReceivedInOrder(fixture, probe);
        AssertNamesBoth(error, HttpStatusCode.InternalServerError, "Kylin 5 (Kylin5: it refused an anonymous request with KE-010003207)", KylinFlavor.Kylin5);
        Assert.Equal("Internal Server Error", error.ServerMessage);
    }

    private static void AssertNamesBoth(UserGroupApiException error, HttpStatusCode status, string detected, KylinFlavor flavor)
    {
        Assert.Equal("Kylin", error.Dialect);
        Assert.Equal(status, error.StatusCode);
        Assert.Contains("the client, set up for KAP / Kyligence Enterprise 3.x (KylinClientOptions.Flavor = Kap3), speaks the KAP / Kyligence Enterprise 3.x v2 API", error.Message, StringComparison.Ordinal);
        Assert.Contains($"but the server is {detected}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Set KylinClientOptions.Flavor to {flavor} or Auto.", error.Message, StringComparison.Ordinal);
    }
}
