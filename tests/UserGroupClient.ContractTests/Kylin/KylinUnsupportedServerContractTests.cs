using System.Net;
using UserGroupClient.ContractTests.Infrastructure;
using static UserGroupClient.ContractTests.Kylin.KylinContract;

namespace UserGroupClient.ContractTests.Kylin;

/// <summary>
/// The answers of Kylin servers without the KAP v2 <c>user_group</c> API (docs/wire/kylin.md §9, appendix) raise
/// <see cref="UserGroupUnsupportedServerException"/> once, with their status, and are not resent.
/// </summary>
public sealed class KylinUnsupportedServerContractTests
{
    [Fact]
    public async Task ApacheKylinsNotAcceptablePageNamesTheServer()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-apache-kylin");
        server.Given(fixture);
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => client.UserGroups.ListGroupsAsync());

        server.Received(fixture);
        AssertUnsupported(error, HttpStatusCode.NotAcceptable, "Apache Kylin 3.x/4.x");
    }

    [Fact]
    public async Task ApacheKylinsMethodNotAllowedPageNamesTheServer()
    {
        using var server = new ContractServer();
        var fixture = Fixture("users-with-group-apache-kylin");
        server.Given(fixture);
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => client.UserGroups.ListUsersWithGroupAsync(0, 9));

        server.Received(fixture);
        AssertUnsupported(error, HttpStatusCode.MethodNotAllowed, "Apache Kylin 3.x/4.x");
    }

    [Fact]
    public async Task Kylin5sSpringBoot500NamesTheServerAndIsNotResent()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-kylin5");
        server.Given(fixture);
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => client.UserGroups.ListGroupsAsync());

        server.Received(fixture);
        AssertUnsupported(error, HttpStatusCode.InternalServerError, "Kylin 5 and Kyligence Enterprise 4.x");
        Assert.Equal("Internal Server Error", error.ServerMessage);
    }

    private static void AssertUnsupported(UserGroupApiException error, HttpStatusCode status, string flavor)
    {
        Assert.Equal("Kylin", error.Dialect);
        Assert.Equal(status, error.StatusCode);
        Assert.Contains("the server does not speak the KAP / Kyligence Enterprise 3.x v2 API", error.Message, StringComparison.Ordinal);
        Assert.Contains(flavor, error.Message, StringComparison.Ordinal);
    }
}
