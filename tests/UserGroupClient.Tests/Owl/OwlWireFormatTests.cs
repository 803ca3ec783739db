using System.Net;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Owl;

/// <summary>The vendor doc's example answers parse where they are valid; its mistakes are listed in docs/wire/owl.md §1.</summary>
public sealed class OwlWireFormatTests
{
    private const string DocUserList = """
        {
          "code": 200,
          "users": [
            { "id": 1, "username": "chao.ma", "role": 0, "phone": "18611744661", "mail": "chao.ma@tendcloud.com",
              "weixin": "18611744661", "status": 0, "groups": [ { "id": 2, "name": "appcpa" } ] },
            { "id": 50, "username": "hierarch.pan", "role": 1, "phone": "13810520844", "mail": "hierarch.pan@tendcloud.com",
              "weixin": "13810520844", "status": 1, "groups": [] }
          ]
        }
        """;

    // The doc shows this under "create user"; it is the answer of PUT /api/v1/groups.
    private const string DocHostGroupCreate = """
        {
          "code": 200,
          "group": {
            "id": 8,
            "name": "test_group",
            "hosts": [
              { "id": "03381a1a3ea35d5a", "name": "", "ip": "172.28.5.36", "sn": "ba111677-a504-4481-962e-40bcc972b800",
                "hostname": "owl-agent-12.novalocal", "agent_version": "0.1", "status": "1" }
            ]
          },
          "message": "group create successful"
        }
        """;

    private const string DocHostGroupUpdate = """
        {
          "code": 200,
          "group": {
            "id": 8,
            "name": "test_group_new",
            "hosts": [ { "id": "03381a1a3ea35d5a", "name": "", "ip": "", "sn": "", "hostname": "", "agent_version": "", "status": "" } ]
          },
          "message": "group update successful"
        }
        """;

    [Fact]
    public async Task TheDocsUserListParsesAndItsMissingTotalFallsBackToTheCount()
    {
        using var owl = new OwlStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, DocUserList)));

        var page = await owl.Client.Users.ListAsync();

        Assert.Equal(2, page.Total);
        Assert.Equal("chao.ma", page.Users[0].Username);
        Assert.Equal(0, page.Users[0].Status);
        Assert.Equal("appcpa", page.Users[0].Groups![0].Name);
        Assert.Empty(page.Users[1].Groups!);
    }

    [Fact]
    public async Task TheDocsHostGroupAnswersParse()
    {
        using var owl = new OwlStub(new StubHandler((_, index) => StubHandler.Json(HttpStatusCode.OK, index == 0 ? DocHostGroupCreate : DocHostGroupUpdate)));

        var created = await owl.Client.HostGroups.CreateAsync("test_group", ["03381a1a3ea35d5a"]);
        var updated = await owl.Client.HostGroups.UpdateAsync(8, "test_group_new", ["03381a1a3ea35d5a"]);

        var host = Assert.Single(created.Hosts!);
        Assert.Equal(("03381a1a3ea35d5a", "172.28.5.36", "owl-agent-12.novalocal", "0.1", "1"), (host.Id, host.Ip, host.Hostname, host.AgentVersion, host.Status));
        Assert.Equal(8, created.Id);
        Assert.Equal("test_group_new", updated.Name);
        Assert.Equal("03381a1a3ea35d5a", Assert.Single(updated.Hosts!).Id);
    }

    [Fact]
    public async Task TheFacadeMapsIdsToStrings()
    {
        using var owl = new OwlStub(new StubHandler(request => StubHandler.Json(HttpStatusCode.OK, request.Method == HttpMethod.Get
            ? """{"code":200,"hosts":[{"id":"03381a1a3ea35d5a","status":"1"}],"total":1}"""
            : DocHostGroupCreate)));

        var group = await owl.Client.AsHostGroupService().CreateGroupAsync(new NewUserGroup("test_group") { MemberIds = ["03381a1a3ea35d5a"] });

        Assert.Equal(new UserGroup("8", "test_group") { MemberCount = 1 }, group);
    }
}
