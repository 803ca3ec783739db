using System.Net;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.JumpServer;

/// <summary>What the typed API refuses by name before anything is sent: a missing argument, a bad name or user id, a page size below 1.</summary>
public sealed class JumpServerTypedArgumentTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";

    private static JumpServerStub Stub(StubHandler? handler = null) =>
        new(handler ?? new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"id":"g","name":"n"}""")));

    [Fact]
    public async Task AMissingArgumentIsRefusedByItsName()
    {
        using var jms = Stub();
        var api = jms.Client.UserGroups;

        var errors = new[]
        {
            await Assert.ThrowsAsync<ArgumentNullException>(() => api.CreateAsync(null!)),
            await Assert.ThrowsAsync<ArgumentNullException>(() => api.UpdateAsync(GroupId, null!)),
            await Assert.ThrowsAsync<ArgumentNullException>(() => api.PatchAsync(GroupId, null!)),
            await Assert.ThrowsAsync<ArgumentNullException>(() => api.CacheResourcesAsync(null!)),
            await Assert.ThrowsAsync<ArgumentNullException>(() => api.BulkDeleteAsync(null!)),
        };

        Assert.Equal(["group", "group", "patch", "resourceIds", "groupIds"], errors.Select(e => e.ParamName));
        Assert.Empty(jms.Handler.Requests);
    }

    [Fact]
    public async Task ABlankNameIsRefusedByCreateUpdateAndPatch()
    {
        using var jms = Stub();
        var api = jms.Client.UserGroups;

        var errors = new[]
        {
            await Assert.ThrowsAsync<ArgumentException>(() => api.CreateAsync(new JumpServerUserGroupCreate(" "))),
            await Assert.ThrowsAsync<ArgumentException>(() => api.UpdateAsync(GroupId, new JumpServerUserGroupUpdate(" "))),
            await Assert.ThrowsAsync<ArgumentException>(() => api.PatchAsync(GroupId, new JumpServerUserGroupPatch { Name = " " })),
        };

        Assert.All(errors, e => Assert.StartsWith("A JumpServer group name must not be empty or whitespace.", e.Message, StringComparison.Ordinal));
        Assert.Equal(["group", "group", "patch"], errors.Select(e => e.ParamName));
        Assert.Empty(jms.Handler.Requests);
    }

    [Fact]
    public async Task AUserIdThatIsNoUuidIsRefusedByCreateUpdateAndPatch()
    {
        using var jms = Stub();
        var api = jms.Client.UserGroups;
        string[] users = ["not-a-uuid"];

        var errors = new[]
        {
            await Assert.ThrowsAnyAsync<ArgumentException>(() => api.CreateAsync(new JumpServerUserGroupCreate("n") { Users = users })),
            await Assert.ThrowsAnyAsync<ArgumentException>(() => api.UpdateAsync(GroupId, new JumpServerUserGroupUpdate("n") { Users = users })),
            await Assert.ThrowsAnyAsync<ArgumentException>(() => api.PatchAsync(GroupId, new JumpServerUserGroupPatch { Users = users })),
        };

        Assert.Equal(["group", "group", "patch"], errors.Select(e => e.ParamName));
        Assert.Empty(jms.Handler.Requests);
    }

    [Fact]
    public async Task APageSizeBelowOneIsRefusedByListAndListMembers()
    {
        using var jms = Stub();
        var api = jms.Client.UserGroups;

        var list = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => api.ListAsync(new JumpServerGroupListOptions { Limit = 0 }));
        var members = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => api.ListMembersAsync(GroupId, new JumpServerPageRequest(-1, null)));

        Assert.Equal(("options", 0), (list.ParamName, list.ActualValue));
        Assert.Equal(("page", -1), (members.ParamName, members.ActualValue));
        Assert.StartsWith("The page size must be at least 1 (JumpServer reads 0 or less as 'no limit').", list.Message, StringComparison.Ordinal);
        Assert.Empty(jms.Handler.Requests);
    }

    [Fact]
    public async Task AMembersPageStartsAtTheOffsetAskedForAndANegativeOneAtZero()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"count":0,"results":[]}"""));
        using var jms = Stub(stub);

        await jms.Client.UserGroups.ListMembersAsync(GroupId, new JumpServerPageRequest(10, 30));
        await jms.Client.UserGroups.ListMembersAsync(GroupId, new JumpServerPageRequest(10, -5));

        Assert.Equal(
            [$"/api/v1/users/users/?group_id={GroupId}&limit=10&offset=30", $"/api/v1/users/users/?group_id={GroupId}&limit=10&offset=0"],
            stub.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public void ListingAllMembersRefusesABadGroupIdWhenCalledNotWhenEnumerated()
    {
        using var jms = Stub();

        var error = Assert.ThrowsAny<ArgumentException>(() => jms.Client.UserGroups.ListAllMembersAsync("a/b"));

        Assert.Equal("groupId", error.ParamName);
        Assert.Empty(jms.Handler.Requests);
    }

    [Fact]
    public void AnOrganizationIdThatIsNoGuidIsRefusedWithTheDefaultAsExample()
    {
        using var jms = Stub();

        var error = Assert.Throws<ArgumentException>(() => jms.Client.UserGroups.WithOrganization("org-1"));

        Assert.Equal("A JumpServer organization id must be a GUID such as 00000000-0000-0000-0000-000000000002; 'org-1' is not. An unknown value would silently select the DEFAULT organization. (Parameter 'organizationId')", error.Message);
    }

    [Fact]
    public async Task AnOrganizationIdIsSentInItsLowerCaseForm()
    {
        using var jms = Stub();

        var scoped = jms.Client.UserGroups.WithOrganization("5B1E8D0C-3F4A-4C44-9A5E-0D7E2F9C1A11");
        await scoped.GetAsync(GroupId);

        Assert.Equal("5b1e8d0c-3f4a-4c44-9a5e-0d7e2f9c1a11", scoped.OrganizationId);
        Assert.Equal("5b1e8d0c-3f4a-4c44-9a5e-0d7e2f9c1a11", Assert.Single(jms.Handler.Requests).Header("X-JMS-ORG"));
    }
}
