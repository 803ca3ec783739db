using System.Net;
using UserGroupClient.Kylin;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Kylin;

/// <summary>What each typed call puts on the wire, and what is refused before anything is sent.</summary>
public sealed class KylinRequestTests
{
    [Fact]
    public async Task EveryCallCarriesTheV2MediaTypeEnglishAndBasicCredentials()
    {
        var stub = new StubHandler(_ => KylinStub.Ok("[]", "get groups"));
        using var kylin = new KylinStub(stub);

        await kylin.Client.UserGroups.ListGroupsAsync();

        var request = Assert.Single(stub.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/kylin/api/user_group/groups?project=learn_kylin", request.PathAndQuery);
        Assert.Equal("application/vnd.apache.kylin-v2+json", request.Header("Accept"));
        Assert.Equal("en", request.Header("Accept-Language"));
        Assert.Equal("Basic QURNSU46S1lMSU4=", request.Header("Authorization"));
    }

    [Theory]
    [InlineData("http://kylin.example.com:7070", "/kylin/api/user_group/groups")]
    [InlineData("http://kylin.example.com:7070/", "/kylin/api/user_group/groups")]
    [InlineData("http://kylin.example.com:7070/kylin/api", "/kylin/api/user_group/groups")]
    [InlineData("http://kylin.example.com:7070/kylin/api/", "/kylin/api/user_group/groups")]
    [InlineData("https://gateway.example.com/bi/kylin/api", "/bi/kylin/api/user_group/groups")]
    [InlineData("https://gateway.example.com/bi", "/bi/kylin/api/user_group/groups")]
    public async Task TheApiRootIsKeptOrDefaulted(string baseAddress, string expectedPath)
    {
        var stub = new StubHandler(_ => KylinStub.Ok("[]"));
        using var kylin = new KylinStub(stub, o => o.BaseAddress = new Uri(baseAddress));

        await kylin.Client.UserGroups.ListGroupsAsync();

        Assert.Equal(expectedPath, new Uri("http://x" + stub.Requests[0].PathAndQuery).AbsolutePath);
    }

    [Fact]
    public async Task ProjectDefaultsToEmptyAndCanBeGivenPerCall()
    {
        var stub = new StubHandler(_ => KylinStub.Ok("[]"));
        using var kylin = new KylinStub(stub, o => o.Project = null);

        await kylin.Client.UserGroups.ListGroupsAsync();
        await kylin.Client.UserGroups.ListGroupsAsync("sales & marketing");

        Assert.Equal("/kylin/api/user_group/groups?project=", stub.Requests[0].PathAndQuery);
        Assert.Equal("/kylin/api/user_group/groups?project=sales%20%26%20marketing", stub.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task EachEndpointHasItsMethodPathAndBody()
    {
        var stub = new StubHandler(request => request.RequestUri!.AbsolutePath switch
        {
            var p when p.EndsWith("usersWithGroup", StringComparison.Ordinal) => KylinStub.Ok("""{"usersWithGroup":[],"size":0}"""),
            var p when p.Contains("groupMembers", StringComparison.Ordinal) => KylinStub.Ok("""{"groupMembers":[],"size":0}"""),
            _ => KylinStub.Ok("\"\""),
        });
        using var kylin = new KylinStub(stub);
        var api = kylin.Client.UserGroups;

        await api.ListUsersWithGroupAsync(2, 5);
        await api.CreateGroupAsync("sales team");
        await api.DeleteGroupAsync("g;1");
        await api.ListGroupMembersAsync("ops", pageOffset: 1, pageSize: 3);
        await api.SetGroupUsersAsync("ops", ["ADMIN", "ANALYST", "ADMIN"]);
        await api.SetGroupUsersAsync("ops", []);

        Assert.Equal(
            [
                "GET /kylin/api/user_group/usersWithGroup?pageOffset=2&pageSize=5",
                "POST /kylin/api/user_group/sales%20team",
                "DELETE /kylin/api/user_group/g%3B1",
                "GET /kylin/api/user_group/groupMembers/ops?pageOffset=1&pageSize=3",
                "PUT /kylin/api/user_group/users/ops",
                "PUT /kylin/api/user_group/users/ops",
            ],
            stub.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        Assert.Equal("""["ADMIN","ANALYST"]""", stub.Requests[4].Body);
        Assert.Equal("[]", stub.Requests[5].Body);
    }

    [Fact]
    public async Task AnEmptyAnswerCompletesADeleteButNotACreate()
    {
        // The resilience handler answers a resent delete that met "does not exists" with an empty 204.
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        using var kylin = new KylinStub(stub);

        await kylin.Client.UserGroups.DeleteGroupAsync("ops");
        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => kylin.Client.UserGroups.CreateGroupAsync("ops"));

        Assert.Contains("the body is empty", error.Message, StringComparison.Ordinal);
        Assert.Equal(["DELETE", "POST"], stub.Requests.Select(r => r.Method));
    }

    [Theory]
    [InlineData("g1.h")]
    [InlineData("v1.0")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("line\nbreak")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("..")]
    public async Task NamesTheServerWouldMangleNeverLeaveTheClient(string name)
    {
        var stub = new StubHandler(_ => KylinStub.Ok("\"\""));
        using var kylin = new KylinStub(stub);
        var api = kylin.Client.UserGroups;

        await Assert.ThrowsAnyAsync<ArgumentException>(() => api.CreateGroupAsync(name));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => api.DeleteGroupAsync(name));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => api.ListGroupMembersAsync(name));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => api.SetGroupUsersAsync(name, ["ADMIN"]));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => kylin.Service.CreateGroupAsync(new NewUserGroup(name)));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => kylin.Service.AddMembersAsync(name, ["ADMIN"]));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => kylin.Service.DeleteGroupsAsync(["fine", name]));

        Assert.Empty(stub.Requests);
    }

    [Fact]
    public void EveryMemberPageRefusesANameTheServerWouldCutAtTheCall()
    {
        var stub = new StubHandler(_ => KylinStub.Ok("null"));
        using var kylin = new KylinStub(stub);

        Assert.Equal("groupName", Assert.Throws<ArgumentException>(() => kylin.Client.UserGroups.ListAllGroupMembersAsync("ops.eu")).ParamName);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task ADotIsRefusedWithAMessageThatSaysWhy()
    {
        using var kylin = new KylinStub(new StubHandler(_ => KylinStub.Ok("\"\"")));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => kylin.Client.UserGroups.CreateGroupAsync("g1.h"));

        Assert.Contains("'.'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'g1'", error.Message, StringComparison.Ordinal);
        Assert.Equal("groupName", error.ParamName);
    }

    [Fact]
    public async Task BadUsernamesAndPagesAreRefusedBeforeSending()
    {
        var stub = new StubHandler(_ => KylinStub.Ok("\"\""));
        using var kylin = new KylinStub(stub);
        var api = kylin.Client.UserGroups;

        await Assert.ThrowsAsync<ArgumentException>(() => api.SetGroupUsersAsync("ops", ["ADMIN", " "]));
        await Assert.ThrowsAsync<ArgumentException>(() => api.SetGroupUsersAsync("ops", ["AD\rMIN"]));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => api.ListGroupMembersAsync("ops", pageOffset: -1));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => api.ListUsersWithGroupAsync(pageSize: 0));

        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task AllPagesWalkPageIndexesUntilTheTotal()
    {
        var stub = new StubHandler((request, index) => KylinStub.Ok(index switch
        {
            0 => """{"groupMembers":[{"username":"A"},{"username":"B"}],"size":5}""",
            1 => """{"groupMembers":[{"username":"C"},{"username":"D"}],"size":5}""",
            _ => """{"groupMembers":[{"username":"E"}],"size":5}""",
        }));
        using var kylin = new KylinStub(stub);

        var names = new List<string>();
        await foreach (var user in kylin.Client.UserGroups.ListAllGroupMembersAsync("ops", pageSize: 2))
        {
            names.Add(user.Username);
        }

        Assert.Equal(["A", "B", "C", "D", "E"], names);
        Assert.Equal(
            ["pageOffset=0&pageSize=2", "pageOffset=1&pageSize=2", "pageOffset=2&pageSize=2"],
            stub.Requests.Select(r => r.PathAndQuery[(r.PathAndQuery.IndexOf('?', StringComparison.Ordinal) + 1)..]));
    }

    [Fact]
    public void OptionsAndCredentialsAreCheckedAndSecretsHidden()
    {
        Assert.Throws<ArgumentException>(() => new KylinClient(new KylinClientOptions { BaseAddress = new Uri("http://k:7070") }));
        Assert.Throws<ArgumentException>(() => new KylinClient(new KylinClientOptions { Credentials = KylinCredentials.Basic("ADMIN", "KYLIN") }));
        Assert.Throws<ArgumentException>(() => new KylinClient(new KylinClientOptions { BaseAddress = new Uri("http://k:7070"), Credentials = KylinCredentials.Basic("ADMIN", "KYLIN"), Project = "a\nb" }));
        Assert.Throws<ArgumentException>(() => KylinCredentials.Basic("AD:MIN", "KYLIN"));
        Assert.Throws<ArgumentException>(() => KylinCredentials.Basic("", "KYLIN"));

        var text = KylinCredentials.Basic("ADMIN", "s3cr3t-password").ToString();
        Assert.DoesNotContain("s3cr3t", text, StringComparison.Ordinal);
        Assert.Contains("ADMIN", text, StringComparison.Ordinal);
    }
}
