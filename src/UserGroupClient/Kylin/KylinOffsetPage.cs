namespace UserGroupClient.Kylin;

/// <summary>One page of an Apache Kylin list, which pages by row.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The page's items.</param>
/// <param name="TotalCount">The server's <c>size</c>: the number of items across all pages.</param>
/// <param name="Offset">The row offset that was requested (0 is the first row).</param>
/// <param name="Limit">The page size that was requested.</param>
public sealed record KylinOffsetPage<T>(IReadOnlyList<T> Items, int TotalCount, int Offset, int Limit)
{
    /// <summary>Whether rows follow this page.</summary>
    public bool HasMore => (long)Offset + Limit < TotalCount;
}
