using UserGroupClient.ContractTests.Infrastructure;
using static UserGroupClient.ContractTests.JumpServer.JumpServerContract;

namespace UserGroupClient.ContractTests.JumpServer;

/// <summary>The <c>spm</c> flow: the resource cache, the check of what it selects, and the filtered delete (docs/wire/jumpserver.md §1.2).</summary>
public sealed class JumpServerBulkDeleteContractTests
{
    [Fact]
    public async Task CacheResourcesPostsTheIdsAndReturnsTheSpm()
    {
        using var server = new ContractServer();
        var fixture = Fixture("resources-cache");
        server.Given(fixture);
        using var client = Client(server);

        var spm = await client.UserGroups.CacheResourcesAsync([GroupId, OtherGroupId]);

        AssertSigned(server.Received(fixture));
        Assert.Equal(Spm, spm);
    }

    [Fact]
    public async Task BulkDeleteCachesChecksTheSelectionThenDeletesBySpm()
    {
        using var server = new ContractServer();
        var cache = Fixture("resources-cache");
        var check = Fixture("groups-list-by-spm");
        var delete = Fixture("groups-bulk-delete");
        server.Given(cache).Given(check).Given(delete);
        using var client = Client(server);

        await client.UserGroups.BulkDeleteAsync([GroupId, OtherGroupId]);

        Assert.All(server.ReceivedInOrder(cache, check, delete), AssertSigned);
    }

    [Fact]
    public async Task BulkDeleteWhoseSelectionHoldsFewerGroupsDeletesNothing()
    {
        using var server = new ContractServer();
        var cache = Fixture("resources-cache");
        var check = Fixture("groups-list-by-spm-short");
        server.Given(cache).Given(check).Given(Fixture("groups-bulk-delete"));
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<UserGroupNotFoundException>(() => client.UserGroups.BulkDeleteAsync([GroupId, OtherGroupId]));

        server.ReceivedInOrder(cache, check);
        Assert.Contains("the selection holds 1 group, not the 2 asked for; nothing was deleted", error.Message, StringComparison.Ordinal);
    }
}
