using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Kylin;

/// <summary>The vendor doc's example bodies and the casing variants of later builds (docs/wire/kylin.md §6) parse.</summary>
public sealed class KylinWireFormatTests
{
    private const string DocGroups = """
        {
            "code": "000",
            "data": [
                "ALL_USERS",
                "ROLE_ADMIN",
                "ROLE_ANALYST",
                "ROLE_MODELER"
            ],
            "msg": "get groups"
        }
        """;

    private const string DocUsersWithGroup = """
        {
          "code": "000",
          "data": {
            "size": 4,
            "usersWithGroup": [
              { "first": "ALL_USERS", "second": [ "ADMIN", "ANALYST", "MODELER" ] },
              { "first": "ROLE_ADMIN", "second": [ "ADMIN" ] },
              { "first": "ROLE_ANALYST", "second": [] },
              { "first": "ROLE_MODELER", "second": [] }
            ]
          },
          "msg": "get users with group"
        }
        """;

    private const string DocGroupMembers = """
        {
            "code": "000",
            "data": {
                "groupMembers": [
                    {
                        "username": "ADMIN",
                        "password": "$2a$10$T6mhEmdwwwZJPPoON3k7t.9StfCCK1MkxMKNB8ZhsGqg853d5h2cS",
                        "authorities": [ { "authority": "ROLE_ADMIN" }, { "authority": "ALL_USERS" } ],
                        "disabled": false,
                        "defaultPassword": false,
                        "locked": false,
                        "lockedTime": 0,
                        "wrongTime": 1,
                        "uuid": null,
                        "last_modified": 1511179915000,
                        "version": "2.3.0.20500"
                    },
                    {
                        "username": "ANALYST",
                        "password": "$2a$10$Fy9s6NNxVX7YyoVW6cA35ucxgRzw41tdKG9WfyINHBcAAj7bWLPXa",
                        "authorities": [ { "authority": "ALL_USERS" } ],
                        "disabled": false,
                        "defaultPassword": true,
                        "locked": false,
                        "lockedTime": 0,
                        "wrongTime": 0,
                        "uuid": null,
                        "last_modified": 1511073720000,
                        "version": "2.3.0.20500"
                    }
                ],
                "size": 3
            },
            "msg": "get groups members"
        }
        """;

    [Fact]
    public async Task TheDocumentedGroupListParses()
    {
        using var kylin = new KylinStub(new StubHandler(_ => StubHandler.Json(System.Net.HttpStatusCode.OK, DocGroups)));

        var groups = await kylin.Client.UserGroups.ListGroupsAsync();

        Assert.Equal(["ALL_USERS", "ROLE_ADMIN", "ROLE_ANALYST", "ROLE_MODELER"], groups);
    }

    [Fact]
    public async Task TheDocumentedUsersWithGroupPageParses()
    {
        using var kylin = new KylinStub(new StubHandler(_ => StubHandler.Json(System.Net.HttpStatusCode.OK, DocUsersWithGroup)));

        var page = await kylin.Client.UserGroups.ListUsersWithGroupAsync(0, 9);

        Assert.Equal(4, page.TotalCount);
        Assert.False(page.HasMore);
        Assert.Equal(["ALL_USERS", "ROLE_ADMIN", "ROLE_ANALYST", "ROLE_MODELER"], page.Items.Select(g => g.Name));
        Assert.Equal(["ADMIN", "ANALYST", "MODELER"], page.Items[0].Users);
        Assert.Empty(page.Items[3].Users);
    }

    [Fact]
    public async Task TheDocumentedGroupMembersParseWithoutKeepingThePasswordHash()
    {
        using var kylin = new KylinStub(new StubHandler(_ => StubHandler.Json(System.Net.HttpStatusCode.OK, DocGroupMembers)));

        var page = await kylin.Client.UserGroups.ListGroupMembersAsync("ALL_USERS", 0, 2);

        Assert.Equal(3, page.TotalCount);
        Assert.True(page.HasMore);
        var admin = page.Items[0];
        Assert.Equal("ADMIN", admin.Username);
        Assert.Equal(["ROLE_ADMIN", "ALL_USERS"], admin.Authorities);
        Assert.Equal(1, admin.WrongTime);
        Assert.Null(admin.LockedTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1511179915000), admin.LastModified);
        Assert.Equal("2.3.0.20500", admin.Version);
        Assert.True(page.Items[1].DefaultPassword);
        Assert.DoesNotContain("$2a$", admin.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PairsWithKeyAndValueAndSnakeCaseUsersParse()
    {
        var stub = new StubHandler((_, index) => index == 0
            ? KylinStub.Ok("""{"usersWithGroup":[{"first":"g","second":["u"],"key":"g","value":["u"]}],"size":1}""")
            : KylinStub.Ok("""{"groupMembers":[{"username":"u","default_password":true,"locked_time":1700000000000,"locked":true,"wrong_time":3,"create_time":1,"mvcc":0,"authorities":[{"authority":"g"}]}],"size":1}"""));
        using var kylin = new KylinStub(stub);

        var groups = await kylin.Client.UserGroups.ListUsersWithGroupAsync();
        var members = await kylin.Client.UserGroups.ListGroupMembersAsync("g");

        Assert.Equal("g", groups.Items[0].Name);
        Assert.Equal(["u"], groups.Items[0].Users);
        var user = members.Items[0];
        Assert.True(user.DefaultPassword);
        Assert.True(user.Locked);
        Assert.Equal(3, user.WrongTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000), user.LockedTime);
    }

    [Fact]
    public async Task AMemberWithoutUsernameIsAReadableError()
    {
        using var kylin = new KylinStub(new StubHandler(_ => KylinStub.Ok("""{"groupMembers":[{"disabled":false}],"size":1}""")));

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => kylin.Client.UserGroups.ListGroupMembersAsync("g"));

        Assert.Contains("username", error.Message, StringComparison.Ordinal);
    }
}
