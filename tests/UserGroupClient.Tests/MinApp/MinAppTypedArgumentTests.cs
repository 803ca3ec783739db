using System.Net;
using UserGroupClient.MinApp;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.MinApp;

/// <summary>What the typed APIs refuse by name before anything is sent, and the words they refuse it with.</summary>
public sealed class MinAppTypedArgumentTests
{
    private static MinAppStub Stub()
    {
        var stub = new MinAppStub(MinAppCredentials.AccessToken("t"));
        stub.Accept("t");
        stub.Api = _ => new HttpResponseMessage(HttpStatusCode.NoContent);
        return stub;
    }

    [Fact]
    public async Task AMissingArgumentIsRefusedByItsName()
    {
        using var stub = Stub();
        var client = stub.Client;

        var errors = new[]
        {
            await Assert.ThrowsAsync<ArgumentNullException>(() => client.UserGroups.CreateAsync(null!)),
            await Assert.ThrowsAsync<ArgumentNullException>(() => client.UserGroups.UpdateAsync(1, null!)),
            await Assert.ThrowsAsync<ArgumentNullException>(() => client.SuperGroups.CreateAsync(null!)),
            await Assert.ThrowsAsync<ArgumentNullException>(() => client.SuperGroups.UpdateAsync(1, null!)),
            await Assert.ThrowsAsync<ArgumentNullException>(() => client.SuperGroups.UpdateAsync(1, new MinAppSuperGroupUpdate("s", null!))),
            await Assert.ThrowsAsync<ArgumentNullException>(() => client.Membership.PatchAsync(null!)),
            await Assert.ThrowsAsync<ArgumentNullException>(() => client.Membership.PatchAsync([null!])),
            await Assert.ThrowsAsync<ArgumentNullException>(() => client.Membership.AddAsync(null!, [1])),
            await Assert.ThrowsAsync<ArgumentNullException>(() => client.Membership.RemoveAsync([1], null!)),
        };

        Assert.Equal(["group", "update", "superGroup", "update", "update", "operations", "operations", "userIds", "groupIds"], errors.Select(e => e.ParamName));
        Assert.Empty(stub.Handler.Requests);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task AMembershipOperationWithoutUsersOrGroupsIsRefusedAsEmpty(bool usersNull, bool groupsNull)
    {
        using var stub = Stub();
        var operation = new MinAppMembershipOperation(MinAppMembershipAction.Add, usersNull ? null! : [1], groupsNull ? null! : [2]);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => stub.Client.Membership.PatchAsync([operation]));

        Assert.Equal("A membership operation needs at least one user and one group (the server refuses empty lists). (Parameter 'operations')", error.Message);
        Assert.Empty(stub.Handler.Requests);
    }

    [Fact]
    public async Task AnUndefinedMembershipActionIsRefusedByItsValue()
    {
        using var stub = Stub();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => stub.Client.Membership.PatchAsync([new MinAppMembershipOperation((MinAppMembershipAction)7, [1], [2])]));

        Assert.Equal("'7' is not a membership action. (Parameter 'operations')", error.Message);
        Assert.Empty(stub.Handler.Requests);
    }

    [Fact]
    public async Task ListingUsersWithoutAGroupIsRefusedSinceItWouldListEveryone()
    {
        using var stub = Stub();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => stub.Client.Membership.ListUsersAsync([]));

        Assert.Equal("At least one group id is needed: without the filter the list would hold every user. (Parameter 'groupIds')", error.Message);
        Assert.Empty(stub.Handler.Requests);
    }

    [Fact]
    public async Task MovingAGroupAndTakingItOutAtOnceIsRefused()
    {
        using var stub = Stub();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => stub.Client.UserGroups.UpdateAsync(1, new MinAppUserGroupUpdate("n") { ParentId = 2, RemoveParent = true }));

        Assert.Equal("A group cannot be moved to a supergroup and taken out of its supergroup at once. (Parameter 'update')", error.Message);
        Assert.Empty(stub.Handler.Requests);
    }
}
