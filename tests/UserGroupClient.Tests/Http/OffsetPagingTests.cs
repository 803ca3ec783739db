using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// Which pages a list-all call asks for: by offset, one page after the other, until the reported total is reached or,
/// without a total, until a short or empty page; never a page past the end.
/// </summary>
public sealed class OffsetPagingTests
{
    [Fact]
    public async Task WithATotalPagesAreFetchedUntilTheTotalIsReachedAndNoFurther()
    {
        var server = new PagedServer(Enumerable.Range(1, 4), reportTotal: true);

        var items = await ToListAsync(Paging.ByOffsetAsync<int>(2, server.FetchAsync));

        Assert.Equal([1, 2, 3, 4], items);
        Assert.Equal([(0, 2), (2, 2)], server.Requests);
    }

    [Fact]
    public async Task WithATotalAShortPageIsNotTheEnd()
    {
        // A server may cap the page below the size asked for; the total says more items follow.
        var server = new PagedServer(Enumerable.Range(1, 5), reportTotal: true) { Cap = 2 };

        var items = await ToListAsync(Paging.ByOffsetAsync<int>(3, server.FetchAsync));

        Assert.Equal([1, 2, 3, 4, 5], items);
        Assert.Equal([(0, 3), (2, 3), (4, 3)], server.Requests);
    }

    [Fact]
    public async Task WithoutATotalAFullPageAsksForTheNextAndAShortPageIsTheLast()
    {
        var server = new PagedServer(Enumerable.Range(1, 5), reportTotal: false);

        var items = await ToListAsync(Paging.ByOffsetAsync<int>(2, server.FetchAsync));

        Assert.Equal([1, 2, 3, 4, 5], items);
        Assert.Equal([(0, 2), (2, 2), (4, 2)], server.Requests);
    }

    [Fact]
    public async Task WithoutATotalAnEmptyPageAfterFullOnesIsTheEnd()
    {
        var server = new PagedServer(Enumerable.Range(1, 4), reportTotal: false);

        var items = await ToListAsync(Paging.ByOffsetAsync<int>(2, server.FetchAsync));

        Assert.Equal([1, 2, 3, 4], items);
        Assert.Equal([(0, 2), (2, 2), (4, 2)], server.Requests);
    }

    [Fact]
    public async Task AnEmptyPageEndsTheListEvenWhenTheTotalPromisesMore()
    {
        // Items deleted while the list is read: the total is stale, and asking again would loop forever.
        var server = new PagedServer(Enumerable.Range(1, 2), reportTotal: true) { Total = 10 };

        var items = await ToListAsync(Paging.ByOffsetAsync<int>(2, server.FetchAsync));

        Assert.Equal([1, 2], items);
        Assert.Equal([(0, 2), (2, 2)], server.Requests);
    }

    [Fact]
    public async Task ATotalOfZeroEndsAfterTheFirstPage()
    {
        var server = new PagedServer([], reportTotal: true);

        Assert.Empty(await ToListAsync(Paging.ByOffsetAsync<int>(50, server.FetchAsync)));
        Assert.Equal([(0, 50)], server.Requests);
    }

    [Fact]
    public async Task TheCallersTokenReachesEveryFetch()
    {
        using var cancellation = new CancellationTokenSource();
        var tokens = new List<CancellationToken>();

        await foreach (var _ in Paging.ByOffsetAsync<int>(
            1,
            (offset, _, token) =>
            {
                tokens.Add(token);
                return Task.FromResult(new OffsetPage<int>(offset < 2 ? [offset] : [], null));
            },
            cancellation.Token))
        {
        }

        Assert.Equal(3, tokens.Count);
        Assert.All(tokens, token => Assert.Equal(cancellation.Token, token));
    }

    private static async Task<List<int>> ToListAsync(IAsyncEnumerable<int> source)
    {
        var items = new List<int>();
        await foreach (var item in source)
        {
            items.Add(item);
        }

        return items;
    }

    private sealed class PagedServer(IEnumerable<int> items, bool reportTotal)
    {
        private readonly int[] _items = [.. items];

        public List<(int Offset, int Limit)> Requests { get; } = [];

        public int Cap { get; init; } = int.MaxValue;

        public int? Total { get; init; }

        public Task<OffsetPage<int>> FetchAsync(int offset, int limit, CancellationToken cancellationToken)
        {
            Requests.Add((offset, limit));
            var page = _items.Skip(offset).Take(Math.Min(limit, Cap)).ToList();
            return Task.FromResult(new OffsetPage<int>(page, reportTotal ? Total ?? _items.Length : null));
        }
    }
}
