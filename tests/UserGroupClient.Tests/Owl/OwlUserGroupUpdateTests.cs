using System.Net;
using UserGroupClient.Owl;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Owl;

/// <summary>
/// The typed user-group update (<c>POST /api/v1/usergroups</c>, docs/wire/owl.md §7): Owl skips ids that name no
/// group, so they are refused after one read of the list and before anything is written; an empty update sends
/// nothing; the answer's groups are returned.
/// </summary>
public sealed class OwlUserGroupUpdateTests
{
    // User groups 3 "ops" and 4 "dev"; an update answers with the groups it was sent.
    private static StubHandler Server() => new(request => StubHandler.Json(HttpStatusCode.OK, request.Method.Method switch
    {
        "GET" => """{"code":200,"groups":[{"id":3,"name":"ops","users":[]},{"id":4,"name":"dev","users":[]}]}""",
        _ => """{"code":200,"message":"user group update successful","groups":[{"id":3,"name":"ops","users":[{"id":2,"username":"bo"}]}]}""",
    }));

    [Fact]
    public async Task TheAnswersGroupsAreReturned()
    {
        using var owl = new OwlStub(Server());

        var groups = await owl.Client.UserGroups.UpdateAsync([new OwlUserGroupUpdate(3, "ops", [2])]);

        var group = Assert.Single(groups);
        Assert.Equal((3, "ops"), (group.Id, group.Name));
        Assert.Equal("bo", Assert.Single(group.Users!).Username);
    }

    [Fact]
    public async Task AnEmptyUpdateSendsNothing()
    {
        using var owl = new OwlStub(RefusedBeforeSending.Transport());

        var groups = await owl.Client.UserGroups.UpdateAsync([]);

        Assert.Empty(groups);
        Assert.Empty(owl.Handler.Requests);
    }

    [Fact]
    public async Task AnUnknownGroupIdIsRefusedByNameBeforeAnythingIsWritten()
    {
        using var owl = new OwlStub(Server());

        var error = await Assert.ThrowsAsync<UserGroupUnknownIdsException>(() => owl.Client.UserGroups.UpdateAsync([new OwlUserGroupUpdate(3, "ops", [2]), new OwlUserGroupUpdate(9, "qa", [])]));

        Assert.Equal("Owl user groups: no user group has id 9; nothing was changed.", error.Message);
        Assert.Equal("Owl", error.Dialect);
        Assert.Equal(["9"], error.UnknownIds);
        Assert.Equal("GET /api/v1/usergroups", Assert.Single(owl.Handler.Requests.Select(request => $"{request.Method} {request.PathAndQuery}")));
    }

    [Fact]
    public async Task NoListOfGroupsIsRefused()
    {
        var handler = RefusedBeforeSending.Transport();
        using var owl = new OwlStub(handler);

        await RefusedBeforeSending.AssertAsync<ArgumentNullException>(handler, () => owl.Client.UserGroups.UpdateAsync(null!), "groups");
    }

    [Fact]
    public async Task AMissingGroupInTheListIsRefused()
    {
        var handler = RefusedBeforeSending.Transport();
        using var owl = new OwlStub(handler);

        await RefusedBeforeSending.AssertAsync<ArgumentNullException>(handler, () => owl.Client.UserGroups.UpdateAsync([new OwlUserGroupUpdate(3, "ops", [2]), null!]), "groups");
    }
}
