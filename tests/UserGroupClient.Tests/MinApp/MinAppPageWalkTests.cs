using System.Net;
using UserGroupClient.MinApp;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.MinApp;

/// <summary>Which pages a list walk asks for (by offset or by <c>next</c> link) and when it stops, so that no page is skipped or read twice.</summary>
public sealed class MinAppPageWalkTests
{
    private static readonly Uri BaseAddress = new("https://minapp.test/");

    private static MinAppPage<int> Page(int[] items, int? offset = null, int? total = null, bool hasNext = false, string? next = null) =>
        new() { Meta = new MinAppPageMeta { Offset = offset, TotalCount = total, HasNextField = hasNext, Next = next }, Objects = items };

    private static async Task<(List<int> Items, List<string> Asked)> WalkAsync(int startOffset, Func<int, MinAppPage<int>> byOffset, Func<string, int, MinAppPage<int>>? byLink = null)
    {
        var asked = new List<string>();
        var links = 0;
        var items = new List<int>();
        await foreach (var item in MinAppPaging.AllAsync(
            startOffset,
            (offset, _) =>
            {
                asked.Add($"offset {offset}");
                return Task.FromResult(byOffset(offset));
            },
            (link, _) =>
            {
                asked.Add($"link {link}");
                return Task.FromResult(byLink!(link, links++));
            },
            BaseAddress))
        {
            items.Add(item);
        }

        return (items, asked);
    }

    [Fact]
    public async Task AWalkFromALaterOffsetCountsOnFromThatOffsetWhenTheServerSendsNoOffset()
    {
        var (items, asked) = await WalkAsync(4, offset => offset switch
        {
            4 => Page([5, 6], total: 7),
            6 => Page([7], total: 7),
            _ => Page([99], total: 7),
        });

        Assert.Equal([5, 6, 7], items);
        Assert.Equal(["offset 4", "offset 6"], asked);
    }

    [Fact]
    public async Task AListFromAnOffsetWithoutOffsetsInItsPagesReadsEachItemOnce()
    {
        // The server answers without meta.offset and without next, as an older list does.
        using var stub = new MinAppStub(MinAppCredentials.AccessToken("t"));
        stub.Accept("t");
        stub.Api = request => request.RequestUri!.Query switch
        {
            "?limit=2&offset=3" => StubHandler.Json(HttpStatusCode.OK, """{"meta": {"total_count": 6}, "objects": [{"id": 4}, {"id": 5}]}"""),
            "?limit=2&offset=5" => StubHandler.Json(HttpStatusCode.OK, """{"meta": {"total_count": 6}, "objects": [{"id": 6}]}"""),
            _ => StubHandler.Json(HttpStatusCode.OK, """{"meta": {"total_count": 6}, "objects": [{"id": 1}, {"id": 2}]}"""),
        };

        var ids = new List<long>();
        await foreach (var group in stub.Client.UserGroups.ListAllAsync(new MinAppUserGroupListOptions { Limit = 2, Offset = 3 }))
        {
            ids.Add(group.Id);
        }

        Assert.Equal([4L, 5L, 6L], ids);
        Assert.Equal(["/oserve/v1/user-group/?limit=2&offset=3", "/oserve/v1/user-group/?limit=2&offset=5"], stub.Handler.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task ThePagesOwnOffsetIsWhereTheNextOffsetCountsFrom()
    {
        var (items, asked) = await WalkAsync(0, offset => offset switch
        {
            0 => Page([11, 12], offset: 10, total: 13),
            12 => Page([13], offset: 12, total: 13),
            _ => Page([99], offset: offset, total: 13),
        });

        Assert.Equal([11, 12, 13], items);
        Assert.Equal(["offset 0", "offset 12"], asked);
    }

    [Fact]
    public async Task AnOffsetReadBeforeEndsTheWalk()
    {
        // A server that ignores offset answers the first page again: it is not read a third time.
        var (items, asked) = await WalkAsync(0, _ => Page([1], offset: 0));

        Assert.Equal([1, 1], items);
        Assert.Equal(["offset 0", "offset 1"], asked);
    }

    [Fact]
    public async Task AnEmptyPageEndsTheWalkEvenWithANextLink()
    {
        var (items, asked) = await WalkAsync(0, _ => Page([], offset: 0, total: 5, hasNext: true, next: "/oserve/v1/user-group/?limit=2&offset=2"));

        Assert.Empty(items);
        Assert.Equal(["offset 0"], asked);
    }

    [Fact]
    public async Task ANextLinkFollowedBeforeEndsTheWalk()
    {
        const string Link = "/oserve/v1/user-group/?limit=1&offset=1";
        var (items, asked) = await WalkAsync(
            0,
            _ => Page([1], offset: 0, hasNext: true, next: Link),
            (_, index) => index == 0 ? Page([2], offset: 1, hasNext: true, next: Link) : Page([]));

        Assert.Equal([1, 2], items);
        Assert.Equal(["offset 0", $"link {Link}"], asked);
    }

    [Fact]
    public async Task ANullNextEndsTheWalkWhateverTheTotal()
    {
        var (items, asked) = await WalkAsync(0, _ => Page([1], offset: 0, total: 9, hasNext: true));

        Assert.Equal([1], items);
        Assert.Equal(["offset 0"], asked);
    }

    [Fact]
    public async Task AnAbsoluteNextOnTheServersOriginIsFollowedByItsPathAndQuery()
    {
        var (items, asked) = await WalkAsync(
            0,
            _ => Page([1], offset: 0, hasNext: true, next: "HTTPS://MINAPP.TEST:443/oserve/v1/user-group/?limit=1&offset=1"),
            (_, _) => Page([2], offset: 1, hasNext: true));

        Assert.Equal([1, 2], items);
        Assert.Equal(["offset 0", "link /oserve/v1/user-group/?limit=1&offset=1"], asked);
    }
}
