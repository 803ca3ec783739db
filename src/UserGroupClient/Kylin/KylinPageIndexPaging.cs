using System.Runtime.CompilerServices;

namespace UserGroupClient.Kylin;

/// <summary>
/// Every page of a listing that KAP's v2 API and the v4-public API both page by index (<c>pageOffset</c> /
/// <c>page_offset</c> × the page size rows are skipped): indexes 0, 1, … are asked for until a page comes back empty
/// or has no more (<see cref="KylinPage{T}.HasMore"/>: <c>(index + 1) × page size</c> reaches the total). The index
/// counts pages, not rows read, so a short page (a server that caps the page size, a listing that shrank meanwhile)
/// is followed by the next index, never asked for again.
/// </summary>
internal static class KylinPageIndexPaging
{
    /// <exception cref="ArgumentOutOfRangeException">The page size is not positive (thrown before anything is sent).</exception>
    public static IAsyncEnumerable<T> AllAsync<T>(int pageSize, Func<int, int, CancellationToken, Task<KylinPage<T>>> fetch, CancellationToken cancellationToken)
    {
        KylinInput.Page(0, pageSize);
        return PagesAsync(pageSize, fetch, cancellationToken);
    }

    private static async IAsyncEnumerable<T> PagesAsync<T>(
        int pageSize,
        Func<int, int, CancellationToken, Task<KylinPage<T>>> fetch,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var pageOffset = 0; ; pageOffset++)
        {
            var page = await fetch(pageOffset, pageSize, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            if (page.Items.Count == 0 || !page.HasMore)
            {
                yield break;
            }
        }
    }
}
