using UserGroupClient.Kylin;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Kylin;

/// <summary>
/// Kylin's users by name (<see cref="KylinClient.AsUserDirectory"/>): the members of <c>ALL_USERS</c>, each user's id
/// its username, compared exactly.
/// </summary>
public sealed class KylinUserDirectoryTests
{
    [Fact]
    public async Task TheUsersAreTheMembersOfAllUsersByUsername()
    {
        var stub = new StubHandler(_ => KylinStub.Ok("""{"groupMembers":[{"username":"ADMIN"},{"username":"analyst"}],"size":2}"""));
        using var kylin = new KylinStub(stub);
        var directory = kylin.Client.AsUserDirectory();

        var users = await directory.ListUsersAsync().ToListAsync();
        var resolution = await directory.ResolveUserNamesAsync(["analyst", "admin"]);

        Assert.Equal("user", directory.EntryKind);
        Assert.Equal([("ADMIN", "ADMIN"), ("analyst", "analyst")], users.Select(u => (u.Id, u.UserName)));
        Assert.Equal("analyst", resolution.Ids["analyst"]);
        Assert.Equal(["admin"], resolution.Unknown);
        Assert.StartsWith("/kylin/api/user_group/groupMembers/ALL_USERS?pageOffset=0&pageSize=", stub.Requests[0].PathAndQuery, StringComparison.Ordinal);
    }
}
