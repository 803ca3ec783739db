using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.JumpServer;

namespace UserGroupClient.ContractTests.JumpServer;

/// <summary><c>/api/v1/users/groups/</c> through the typed API, exactly as the vendor documents it.</summary>
public sealed class JumpServerGroupsContractTests
{
    [Fact]
    public async Task CreateSendsTheDocumentedBodyAndReadsTheCreatedGroup()
    {
        using var server = new ContractServer();
        var fixture = ContractFixture.Load("JumpServer", "groups-create");
        server.Given(fixture);
        using var client = JumpServerContract.Client(server);

        var group = await client.UserGroups.CreateAsync(new JumpServerUserGroupCreate("api_test"));

        var request = server.Received(fixture);
        AuthorizationShape.AssertSignature(request, JumpServerContract.KeyId, JumpServerContract.SignedHeaders);
        Assert.Equal("7413d36d-cf37-45f4-b42a-cd5eeff1f4ff", group.Id);
        Assert.Equal("api_test", group.Name);
        Assert.Equal(0, group.UsersAmount);
    }
}
