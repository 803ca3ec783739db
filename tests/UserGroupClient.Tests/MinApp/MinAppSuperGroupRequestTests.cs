using System.Net;
using UserGroupClient.MinApp;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.MinApp;

/// <summary>What the typed supergroup API sends: one page, a create's children, a bulk delete of nothing.</summary>
public sealed class MinAppSuperGroupRequestTests
{
    private static MinAppStub Stub(Func<HttpRequestMessage, HttpResponseMessage> api)
    {
        var stub = new MinAppStub(MinAppCredentials.AccessToken("t"));
        stub.Accept("t");
        stub.Api = api;
        return stub;
    }

    [Fact]
    public async Task OnePageIsAskedForWithItsLimitAndOffsetAndReadAsAnswered()
    {
        using var stub = Stub(_ => StubHandler.Json(HttpStatusCode.OK, """{"meta": {"next": null, "total_count": 3}, "objects": [{"id": 5, "name": "s", "children": [{"id": 7, "name": "g"}]}]}"""));

        var page = await stub.Client.SuperGroups.ListAsync(new MinAppPageRequest { Limit = 2, Offset = 2 });

        Assert.Equal("GET /oserve/v1/user-supergroup/?limit=2&offset=2", $"{stub.Handler.Requests[0].Method} {stub.Handler.Requests[0].PathAndQuery}");
        Assert.Equal(3, page.Meta.TotalCount);
        var superGroup = Assert.Single(page.Objects);
        Assert.Equal((5L, "s", 7L), (superGroup.Id, superGroup.Name, Assert.Single(superGroup.Children).Id));
    }

    [Fact]
    public async Task ACreateSendsTheChildrenCheckedAndWithoutDuplicates()
    {
        using var stub = Stub(_ => StubHandler.Json(HttpStatusCode.Created, """{"id": 5, "name": "s", "children": []}"""));

        await stub.Client.SuperGroups.CreateAsync(new MinAppSuperGroupCreate("s") { Children = [3, 4, 3] });
        await stub.Client.SuperGroups.CreateAsync(new MinAppSuperGroupCreate("s"));
        var refused = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stub.Client.SuperGroups.CreateAsync(new MinAppSuperGroupCreate("s") { Children = [0] }));

        Assert.Equal(["""{"name":"s","children":[3,4]}""", """{"name":"s"}"""], stub.Handler.Requests.Select(r => r.Body));
        Assert.Equal("superGroup", refused.ParamName);
    }

    [Fact]
    public async Task ABulkDeleteOfNoSupergroupsSendsNothing()
    {
        using var stub = Stub(_ => new HttpResponseMessage(HttpStatusCode.NoContent));

        await stub.Client.SuperGroups.BulkDeleteAsync([]);

        Assert.Empty(stub.Handler.Requests);
    }
}
