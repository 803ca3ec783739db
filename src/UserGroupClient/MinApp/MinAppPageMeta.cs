using System.Text.Json.Serialization;

namespace UserGroupClient.MinApp;

/// <summary>The <c>meta</c> of a MinApp list page (tastypie style).</summary>
[JsonConverter(typeof(MinAppPageMetaConverter))]
public sealed class MinAppPageMeta
{
    /// <summary>The page size the server applied.</summary>
    public int? Limit { get; init; }

    /// <summary>The offset of the page's first item.</summary>
    public int? Offset { get; init; }

    /// <summary>The next page as a host-relative path with its query, or <see langword="null"/> on the last page.</summary>
    public string? Next { get; init; }

    /// <summary>The previous page as a host-relative path with its query, or <see langword="null"/> on the first page.</summary>
    public string? Previous { get; init; }

    /// <summary>How many items match in all.</summary>
    public int? TotalCount { get; init; }

    /// <summary>Whether the answer had a <c>next</c> field at all (a <see langword="null"/> one included).</summary>
    public bool HasNextField { get; init; }
}
