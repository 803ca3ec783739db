using System.Net;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Kylin;

/// <summary>The facade's Kylin rules: a group's id is its name, no rename, and add/remove as read → merge → replace.</summary>
public sealed class KylinFacadeTests
{
    private static StubHandler Server(string members) => new(request => request.RequestUri!.AbsolutePath switch
    {
        var p when p.EndsWith("/groups", StringComparison.Ordinal) => KylinStub.Ok("""["ALL_USERS","ROLE_ADMIN","ops"]"""),
        var p when p.Contains("/groupMembers/", StringComparison.Ordinal) => KylinStub.Ok(members),
        _ => KylinStub.Ok("\"\""),
    });

    [Fact]
    public void CapabilitiesTellTheTruth()
    {
        using var kylin = new KylinStub(Server("""{"groupMembers":[],"size":0}"""));

        var capabilities = kylin.Service.Capabilities;

        Assert.Equal("Kylin", capabilities.Dialect);
        Assert.False(capabilities.SupportsRename);
        Assert.False(capabilities.SupportsComment);
        Assert.False(capabilities.SupportsHierarchy);
        Assert.False(capabilities.NativeAddMembers);
        Assert.False(capabilities.NativeRemoveMembers);
        Assert.True(capabilities.NativeSetMembers);
        Assert.False(capabilities.NativeBulkDelete);
    }

    [Fact]
    public async Task AddingMembersKeepsEveryExistingMember()
    {
        var stub = Server("""{"groupMembers":[{"username":"ANALYST"},{"username":"MODELER"}],"size":2}""");
        using var kylin = new KylinStub(stub);

        await kylin.Service.AddMembersAsync("ops", ["alice", "ANALYST", "bob"]);

        var write = Assert.Single(stub.Requests, r => r.Method == "PUT");
        Assert.Equal("/kylin/api/user_group/users/ops", write.PathAndQuery);
        Assert.Equal("""["ANALYST","MODELER","alice","bob"]""", write.Body);
    }

    [Fact]
    public async Task AddingOnlyExistingMembersWritesNothing()
    {
        var stub = Server("""{"groupMembers":[{"username":"ANALYST"}],"size":1}""");
        using var kylin = new KylinStub(stub);

        await kylin.Service.AddMembersAsync("ops", ["ANALYST"]);

        Assert.DoesNotContain(stub.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task RemovingMembersKeepsTheOthers()
    {
        var stub = Server("""{"groupMembers":[{"username":"ANALYST"},{"username":"MODELER"},{"username":"alice"}],"size":3}""");
        using var kylin = new KylinStub(stub);

        await kylin.Service.RemoveMembersAsync("ops", ["MODELER", "nobody"]);
        await kylin.Service.RemoveMembersAsync("ops", ["nobody"]);

        var write = Assert.Single(stub.Requests, r => r.Method == "PUT");
        Assert.Equal("""["ANALYST","alice"]""", write.Body);
    }

    [Fact]
    public async Task MemberChangesOnAnUnknownGroupAreNotFoundAndWriteNothing()
    {
        var stub = Server("""{"groupMembers":[],"size":0}""");
        using var kylin = new KylinStub(stub);

        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => kylin.Service.AddMembersAsync("ghost", ["ANALYST"]));
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => kylin.Service.SetMembersAsync("ghost", ["ANALYST"]));
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => kylin.Service.GetGroupAsync("ghost"));

        Assert.DoesNotContain(stub.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task RenameCommentAndParentAreNotSupportedAndNameKylin()
    {
        var stub = Server("""{"groupMembers":[],"size":0}""");
        using var kylin = new KylinStub(stub);
        var service = kylin.Service;

        var rename = await Assert.ThrowsAsync<NotSupportedException>(() => service.UpdateGroupAsync("ops", new UserGroupUpdate { Name = "dev" }));
        Assert.Contains("Kylin", rename.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<NotSupportedException>(() => service.UpdateGroupAsync("ops", new UserGroupUpdate { Comment = "x" }));
        await Assert.ThrowsAsync<NotSupportedException>(() => service.CreateGroupAsync(new NewUserGroup("dev") { Comment = "x" }));
        await Assert.ThrowsAsync<NotSupportedException>(() => service.CreateGroupAsync(new NewUserGroup("dev") { ParentId = "ops" }));
        Assert.Empty(stub.Requests);

        var same = await service.UpdateGroupAsync("ops", new UserGroupUpdate { Name = "ops" });
        Assert.Equal(new UserGroup("ops", "ops"), same);
    }

    [Fact]
    public async Task GroupsAreFoundByExactNameAndSearchedIgnoringCase()
    {
        using var kylin = new KylinStub(Server("""{"groupMembers":[],"size":0}"""));
        var service = kylin.Service;

        Assert.Equal("ops", (await service.FindGroupByNameAsync("ops"))!.Id);
        Assert.Null(await service.FindGroupByNameAsync("OPS"));
        var found = new List<string>();
        await foreach (var group in service.ListGroupsAsync(new UserGroupQuery { Search = "role" }))
        {
            found.Add(group.Id);
        }

        Assert.Equal(["ROLE_ADMIN"], found);
    }

    [Fact]
    public async Task APartialMemberUpdateSurfacesAsNotFound()
    {
        var stub = new StubHandler(request => request.Method == HttpMethod.Put
            ? KylinStub.Error(HttpStatusCode.InternalServerError, "User 'ghost' not found.")
            : request.RequestUri!.AbsolutePath.EndsWith("/groups", StringComparison.Ordinal) ? KylinStub.Ok("""["ops"]""") : KylinStub.Ok("""{"groupMembers":[],"size":0}"""));
        using var kylin = new KylinStub(stub);

        var error = await Assert.ThrowsAsync<UserGroupNotFoundException>(() => kylin.Service.SetMembersAsync("ops", ["ANALYST", "ghost"]));

        Assert.Equal("User 'ghost' not found.", error.ServerMessage);
    }
}
