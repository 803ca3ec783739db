using System.Globalization;
using System.Runtime.CompilerServices;

namespace UserGroupClient.MinApp;

/// <summary>
/// Walks a MinApp list page by page (docs/wire/minapp.md §2): follows <c>meta.next</c> (a host-relative path, resolved
/// against the origin of the base address) while it is not <see langword="null"/>; when <c>meta</c> has no <c>next</c>
/// at all, moves <c>offset</c> on by the number of items received. Stops on an empty page or a link seen before.
/// </summary>
internal static class MinAppPaging
{
    /// <summary>Streams every item, one page in memory at a time.</summary>
    /// <param name="startOffset">The first page's offset.</param>
    /// <param name="byOffset">Reads the page at an offset, for the first page and for servers that send no <c>next</c>.</param>
    /// <param name="byLink">Reads the page a <c>next</c> link names, given as its host-relative path and query.</param>
    /// <param name="baseAddress">The base address, whose origin a <c>next</c> link must share.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public static async IAsyncEnumerable<T> AllAsync<T>(
        int startOffset,
        Func<int, CancellationToken, Task<MinAppPage<T>>> byOffset,
        Func<string, CancellationToken, Task<MinAppPage<T>>> byLink,
        Uri baseAddress,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Links start with '/', offsets with a digit: one set tells both kinds of page apart.
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var page = await byOffset(startOffset, cancellationToken).ConfigureAwait(false);
        var offset = startOffset;
        while (true)
        {
            foreach (var item in page.Objects)
            {
                yield return item;
            }

            offset = (page.Meta.Offset ?? offset) + page.Objects.Count;
            if (page.Objects.Count == 0)
            {
                yield break;
            }

            if (page.Meta.HasNextField)
            {
                if (page.Meta.Next is null)
                {
                    yield break;
                }

                var link = HostRelative(page.Meta.Next, baseAddress);
                if (!visited.Add(link))
                {
                    yield break;
                }

                page = await byLink(link, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                if ((page.Meta.TotalCount is { } total && offset >= total) || !visited.Add(offset.ToString(CultureInfo.InvariantCulture)))
                {
                    yield break;
                }

                page = await byOffset(offset, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Turns a <c>next</c> link into a request target on the base address's origin. Only a host-relative path, or an
    /// absolute address of the same origin, is followed: anything else would send the Bearer token elsewhere.
    /// </summary>
    /// <exception cref="UserGroupApiException">The link points to another origin or is not a path.</exception>
    public static string HostRelative(string link, Uri baseAddress)
    {
        if (link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !link.Contains('\\', StringComparison.Ordinal) && !link.Any(char.IsControl))
        {
            return link;
        }

        if (Uri.TryCreate(link, UriKind.Absolute, out var absolute)
            && absolute.Scheme == baseAddress.Scheme
            && string.Equals(absolute.IdnHost, baseAddress.IdnHost, StringComparison.OrdinalIgnoreCase)
            && absolute.Port == baseAddress.Port)
        {
            return absolute.PathAndQuery;
        }

        throw new UserGroupApiException("MinApp: a list's 'next' link is neither a host-relative path nor on the server's origin; it is not followed.")
        {
            Dialect = MinAppErrorMapper.Instance.Dialect,
        };
    }
}
