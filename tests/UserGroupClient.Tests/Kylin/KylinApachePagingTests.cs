using UserGroupClient.Kylin;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Kylin;

/// <summary>
/// How Apache Kylin's group list is asked for (docs/wire/kylin.md §11.2): by row offset and limit, in the given project
/// or the client's, and how its page, a map without order, is handed back.
/// </summary>
public sealed class KylinApachePagingTests
{
    [Fact]
    public async Task APageIsAskedForWithTheGivenOffsetLimitAndProject()
    {
        var stub = new StubHandler(_ => KylinStub.Ok("""{"groups":{},"size":30}"""));
        using var kylin = Apache(stub);

        var page = await kylin.Client.ApacheUserGroups.ListGroupsAsync("ops", isFuzzMatch: true, offset: 20, limit: 5, project: "sales");
        await kylin.Client.ApacheUserGroups.ListGroupsAsync();

        Assert.Equal(
            [
                "/kylin/api/user_group/groups?project=sales&name=ops&isFuzzMatch=true&offset=20&limit=5",
                "/kylin/api/user_group/groups?project=learn_kylin&offset=0&limit=50",
            ],
            stub.Requests.Select(r => r.PathAndQuery));
        Assert.Equal((20, 5, 30), (page.Offset, page.Limit, page.TotalCount));
    }

    [Fact]
    public async Task AnEmptyProjectInTheOptionsIsNoProject()
    {
        var stub = new StubHandler(_ => KylinStub.Ok("""{"groups":{},"size":0}"""));
        using var kylin = Apache(stub, o => o.Project = string.Empty);

        await kylin.Client.ApacheUserGroups.ListGroupsAsync(project: string.Empty);

        Assert.Null(kylin.Client.ApacheUserGroups.Project);
        Assert.Equal("/kylin/api/user_group/groups?offset=0&limit=50", Assert.Single(stub.Requests).PathAndQuery);
    }

    [Fact]
    public async Task GroupsComeInOrdinalOrderOfTheirNamesEachWithItsUsers()
    {
        var stub = new StubHandler(_ => KylinStub.Ok("""{"groups":{"b":["u2"],"B":null,"a":["u1","u3"]},"size":3}"""));
        using var kylin = Apache(stub);

        var page = await kylin.Client.ApacheUserGroups.ListGroupsAsync();

        Assert.Equal(["B", "a", "b"], page.Items.Select(g => g.Name));
        Assert.Equal([[], ["u1", "u3"], ["u2"]], page.Items.Select(g => g.Users));
    }

    [Fact]
    public async Task AnOffsetOrLimitOutOfRangeIsRefusedBeforeSending()
    {
        var stub = new StubHandler(_ => KylinStub.Ok("""{"groups":{},"size":0}"""));
        using var kylin = Apache(stub);
        var api = kylin.Client.ApacheUserGroups;

        Assert.Equal("offset", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => api.ListGroupsAsync(offset: -1))).ParamName);
        Assert.Equal("limit", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => api.ListGroupsAsync(limit: 0))).ParamName);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task EveryPageIsAskedForWithTheGivenPageSizeFromTheRowAfterTheLast()
    {
        var stub = new StubHandler(request => request.RequestUri!.Query.Contains("offset=0", StringComparison.Ordinal)
            ? KylinStub.Ok("""{"groups":{"a":[],"b":[]},"size":3}""")
            : KylinStub.Ok("""{"groups":{"c":[]},"size":3}"""));
        using var kylin = Apache(stub);

        var names = await kylin.Client.ApacheUserGroups.ListAllGroupsAsync(pageSize: 2).Select(g => g.Name).ToListAsync();

        Assert.Equal(["a", "b", "c"], names);
        Assert.Equal(
            [
                "/kylin/api/user_group/groups?project=learn_kylin&offset=0&limit=2",
                "/kylin/api/user_group/groups?project=learn_kylin&offset=2&limit=2",
            ],
            stub.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public void EveryPageRefusesABadPageSizeNameOrProjectAtTheCall()
    {
        var stub = new StubHandler(_ => KylinStub.Ok("""{"groups":{},"size":0}"""));
        using var kylin = Apache(stub);
        var api = kylin.Client.ApacheUserGroups;

        Assert.Equal("pageSize", Assert.Throws<ArgumentOutOfRangeException>(() => api.ListAllGroupsAsync(pageSize: 0)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => api.ListAllGroupsAsync(name: "ops\u0001")).ParamName);
        Assert.Equal("project", Assert.Throws<ArgumentException>(() => api.ListAllGroupsAsync(project: "sales\u0001")).ParamName);
        Assert.Empty(stub.Requests);
    }

    private static KylinStub Apache(StubHandler stub, Action<KylinClientOptions>? configure = null) =>
        new(stub, o =>
        {
            (o.Flavor, o.DefaultPageSize) = (KylinFlavor.Apache4, 50);
            configure?.Invoke(o);
        });
}
