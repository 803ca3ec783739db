using UserGroupClient.Http;

namespace UserGroupClient.Kylin;

/// <summary>
/// Every page of a listing that KAP's v2 API and the v4-public API both page by index (<c>pageOffset</c> /
/// <c>page_offset</c> × the page size rows are skipped), over <see cref="Paging"/>, which hands out row offsets of full pages.
/// </summary>
internal static class KylinPageIndexPaging
{
    /// <exception cref="ArgumentOutOfRangeException">The page size is not positive (thrown before anything is sent).</exception>
    public static IAsyncEnumerable<T> AllAsync<T>(int pageSize, Func<int, int, CancellationToken, Task<KylinPage<T>>> fetch, CancellationToken cancellationToken)
    {
        KylinInput.Page(0, pageSize);
        return Paging.ByOffsetAsync(
            pageSize,
            async (offset, limit, ct) =>
            {
                var page = await fetch(offset / limit, limit, ct).ConfigureAwait(false);
                return new OffsetPage<T>(page.Items, page.TotalCount);
            },
            cancellationToken);
    }
}
