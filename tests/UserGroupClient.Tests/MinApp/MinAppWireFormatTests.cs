using System.Text.Json;
using UserGroupClient.MinApp;

namespace UserGroupClient.Tests.MinApp;

/// <summary>The vendor docs' example bodies, and the variants docs/wire/minapp.md lists, parse into the typed models.</summary>
public sealed class MinAppWireFormatTests
{
    private static readonly MinAppJsonContext Json = MinAppJsonContext.Default;

    [Fact]
    public void UserGroupDetailExampleOfDoc001Parses()
    {
        const string body = """
            {
              "id": 47,
              "members": 0,
              "name": "User Group",
              "parent": {
                "id": 1,
                "name": "Super Group"
              }
            }
            """;
        var group = JsonSerializer.Deserialize(body, Json.MinAppUserGroup)!;
        Assert.Equal(47, group.Id);
        Assert.Equal("User Group", group.Name);
        Assert.Equal(0, group.Members);
        Assert.Equal(new MinAppGroupReference(1, "Super Group"), group.Parent);
    }

    [Fact]
    public void SuperGroupListExampleOfDoc002ParsesVerbatimWithItsTrailingComma()
    {
        const string body = """
            {
                "meta": {
                    "limit": 20,
                    "next": null,
                    "offset": 0,
                    "previous": null,
                    "total_count": 1
                },
                "objects": [
                    {
                        "children": [
                            {
                                "id": 51,
                                "name": "User Group"
                            },
                        ],
                        "id": 52,
                        "name": "Super Group"
                    }
                ]
            }
            """;
        var page = JsonSerializer.Deserialize(body, Json.MinAppPageMinAppSuperGroup)!;
        Assert.Equal(20, page.Meta.Limit);
        Assert.Equal(1, page.Meta.TotalCount);
        Assert.True(page.Meta.HasNextField);
        Assert.Null(page.Meta.Next);
        var superGroup = Assert.Single(page.Objects);
        Assert.Equal(52, superGroup.Id);
        Assert.Equal("Super Group", superGroup.Name);
        Assert.Equal([new MinAppGroupReference(51, "User Group")], superGroup.Children);
        Assert.Equal(1, superGroup.ChildCount);
    }

    [Fact]
    public void SuperGroupDetailAndUpdateExamplesOfDoc002Parse()
    {
        const string body = """{"children": [{"id": 51, "name": "User Group"}], "id": 52, "name": "super group 3"}""";
        var superGroup = JsonSerializer.Deserialize(body, Json.MinAppSuperGroup)!;
        Assert.Equal("super group 3", superGroup.Name);
        Assert.Equal(51, Assert.Single(superGroup.Children).Id);
    }

    [Fact]
    public void UserGroupListEnvelopeWithRelativeNextParses()
    {
        const string body = """
            {"meta": {"limit": 20, "next": "/oserve/v1/user-group/?limit=20&offset=20", "offset": 0, "previous": null, "total_count": 21},
             "objects": [{"id": 47, "members": 0, "name": "User Group", "parent": {"id": 1, "name": "Super Group"}}]}
            """;
        var page = JsonSerializer.Deserialize(body, Json.MinAppPageMinAppUserGroup)!;
        Assert.Equal("/oserve/v1/user-group/?limit=20&offset=20", page.Meta.Next);
        Assert.Equal(21, page.Meta.TotalCount);
        Assert.Equal(47, Assert.Single(page.Objects).Id);
    }

    [Fact]
    public void MetaWithoutNextIsToldFromANullNext()
    {
        var page = JsonSerializer.Deserialize("""{"meta": {"limit": 2, "offset": 0, "total_count": 5}, "objects": []}""", Json.MinAppPageMinAppUserGroup)!;
        Assert.False(page.Meta.HasNextField);
    }

    [Fact]
    public void CloudFunctionUserGroupVariantIsRead()
    {
        var none = JsonSerializer.Deserialize("""{"id": 8, "members": 6, "name": "程序员", "parent_id": null, "super_group": {"id": null, "name": null}}""", Json.MinAppUserGroup)!;
        Assert.Null(none.Parent);
        Assert.Equal(6, none.Members);

        var some = JsonSerializer.Deserialize("""{"id": 9, "members": 0, "name": "x", "parent_id": 3, "super_group": {"id": 3, "name": "S"}}""", Json.MinAppUserGroup)!;
        Assert.Equal(new MinAppGroupReference(3, "S"), some.Parent);

        var nullParent = JsonSerializer.Deserialize("""{"id": 10, "name": "y", "parent": null, "extra": [1, {"a": 2}]}""", Json.MinAppUserGroup)!;
        Assert.Null(nullParent.Parent);
        Assert.Null(nullParent.Members);
    }

    [Fact]
    public void CloudFunctionSuperGroupVariantWithChildCountIsRead()
    {
        var superGroup = JsonSerializer.Deserialize("""{"children": 1, "id": 16, "name": "a2222", "user_group": [{"id": 17, "name": "vvv"}]}""", Json.MinAppSuperGroup)!;
        Assert.Equal(1, superGroup.ChildCount);
        Assert.Equal([new MinAppGroupReference(17, "vvv")], superGroup.Children);
    }

    [Fact]
    public void TokenExampleOf2017Parses()
    {
        const string body = """{"access_token": "eb84c57b1bd89919814b224a7194b06ca03893ee", "token_type": "Bearer", "expires_in": 31535999, "refresh_token": "4215259afd7f3d33c04ae39080a8ea5eb1c166e8", "scope": "write"}""";
        var token = JsonSerializer.Deserialize(body, Json.MinAppTokenResponse)!;
        Assert.Equal("eb84c57b1bd89919814b224a7194b06ca03893ee", token.AccessToken);
        Assert.Equal(31535999, token.ExpiresIn);
        Assert.Equal("4215259afd7f3d33c04ae39080a8ea5eb1c166e8", token.RefreshToken);
    }

    [Fact]
    public void AuthorizeExampleOf2017Parses()
    {
        var answer = JsonSerializer.Deserialize("""{"code": "7743956163d65914c63ba1a5d48370ff791d1e16", "expires_in": 600}""", Json.MinAppAuthorizeResponse)!;
        Assert.Equal("7743956163d65914c63ba1a5d48370ff791d1e16", answer.Code);
    }

    [Fact]
    public void UserProfileWithGroupsParses()
    {
        var page = JsonSerializer.Deserialize("""{"meta": {"next": null, "total_count": 1}, "objects": [{"id": 55011, "user_id": 36619701, "nickname": "Alice", "user_group": [137], "avatar": "x"}]}""", Json.MinAppPageMinAppUserProfile)!;
        var user = Assert.Single(page.Objects);
        Assert.Equal(36619701, user.UserId);
        Assert.Equal([137L], user.UserGroup);
    }

    [Fact]
    public void RequestBodiesHaveTheDocumentedShapes()
    {
        Assert.Equal("""{"name":"User Group","parent":1}""", JsonSerializer.Serialize(new MinAppUserGroupBody("User Group", 1), Json.MinAppUserGroupBody));
        Assert.Equal("""{"name":"User Group"}""", JsonSerializer.Serialize(new MinAppUserGroupBody("User Group", null), Json.MinAppUserGroupBody));
        Assert.Equal("""{"name":"g","parent":null}""", JsonSerializer.Serialize(new MinAppUserGroupDetachBody("g", null), Json.MinAppUserGroupDetachBody));
        Assert.Equal("""{"name":"Super Group","children":[51]}""", JsonSerializer.Serialize(new MinAppSuperGroupBody("Super Group", [51]), Json.MinAppSuperGroupBody));
        Assert.Equal(
            """[{"op":"add","path":"/membership","users":[5,6],"groups":[53,54]}]""",
            JsonSerializer.Serialize([new MinAppMembershipOperationWire("add", "/membership", [5, 6], [53, 54])], Json.ListMinAppMembershipOperationWire));
        Assert.Equal(
            """{"client_id":"id","client_secret":"s","grant_type":"authorization_code","code":"c"}""",
            JsonSerializer.Serialize(new MinAppTokenRequest("id", "s", "authorization_code") { Code = "c" }, Json.MinAppTokenRequest));
    }
}
