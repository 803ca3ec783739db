using System.Runtime.CompilerServices;

namespace UserGroupClient.Http;

/// <summary>Turns page-by-page fetching into an <see cref="IAsyncEnumerable{T}"/> that holds one page at a time.</summary>
internal static class Paging
{
    /// <summary>
    /// Fetches pages by offset until the reported total is reached, or, without a total, until a short or empty page.
    /// Dialects that page by index compute the index from the offset.
    /// </summary>
    public static async IAsyncEnumerable<T> ByOffsetAsync<T>(
        int pageSize,
        Func<int, int, CancellationToken, Task<OffsetPage<T>>> fetchPage,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var offset = 0;
        while (true)
        {
            var page = await fetchPage(offset, pageSize, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            offset += page.Items.Count;
            var done = page.Items.Count == 0 || (page.TotalCount is { } total ? offset >= total : page.Items.Count < pageSize);
            if (done)
            {
                yield break;
            }
        }
    }
}
