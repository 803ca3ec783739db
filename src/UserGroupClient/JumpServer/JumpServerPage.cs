namespace UserGroupClient.JumpServer;

/// <summary>
/// One page of a list. The server sends <c>{count, next, previous, results}</c> when a <c>limit</c> is given and a plain
/// array otherwise; both parse into this type (for a plain array, <see cref="Count"/> is the array's length).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class JumpServerPage<T>
{
    /// <summary>The total number of matching items across all pages.</summary>
    public int Count { get; init; }

    /// <summary>The server's link to the next page. It is built from the server's own idea of its address, which is
    /// wrong behind proxies; page by <see cref="Count"/> and offsets instead.</summary>
    public string? Next { get; init; }

    /// <summary>The server's link to the previous page.</summary>
    public string? Previous { get; init; }

    /// <summary>The items of this page.</summary>
    public IReadOnlyList<T> Results { get; init; } = [];
}
