namespace UserGroupClient;

/// <summary>The changes to make to a group; a property left <see langword="null"/> keeps its current value.</summary>
public sealed record UserGroupUpdate
{
    /// <summary>The new name.</summary>
    public string? Name { get; init; }

    /// <summary>The new comment; an empty string clears it.</summary>
    public string? Comment { get; init; }

    /// <summary>The new parent group, on dialects with hierarchy.</summary>
    public string? ParentId { get; init; }
}
