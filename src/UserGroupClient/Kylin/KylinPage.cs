namespace UserGroupClient.Kylin;

/// <summary>One page of a Kylin list.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The page's items.</param>
/// <param name="TotalCount">The server's <c>size</c>: the number of items across all pages.</param>
/// <param name="PageOffset">The page index that was requested (0 is the first page).</param>
/// <param name="PageSize">The page size that was requested.</param>
public sealed record KylinPage<T>(IReadOnlyList<T> Items, int TotalCount, int PageOffset, int PageSize)
{
    /// <summary>Whether pages follow this one.</summary>
    public bool HasMore => ((long)PageOffset + 1) * PageSize < TotalCount;
}
