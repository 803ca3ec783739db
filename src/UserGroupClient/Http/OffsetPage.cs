namespace UserGroupClient.Http;

/// <summary>One page of a list, in the terms <see cref="Paging"/> needs.</summary>
/// <param name="Items">The page's items.</param>
/// <param name="TotalCount">The total number of items across all pages, when the server reports it.</param>
internal readonly record struct OffsetPage<T>(IReadOnlyList<T> Items, int? TotalCount);
