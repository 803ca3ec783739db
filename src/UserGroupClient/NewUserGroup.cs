namespace UserGroupClient;

/// <summary>A group to create.</summary>
/// <param name="Name">The name of the new group.</param>
public sealed record NewUserGroup(string Name)
{
    /// <summary>An optional comment or description.</summary>
    public string? Comment { get; init; }

    /// <summary>The parent group, on dialects with hierarchy (see <see cref="UserGroupCapabilities.SupportsHierarchy"/>).</summary>
    public string? ParentId { get; init; }

    /// <summary>The initial members, if any.</summary>
    public IReadOnlyList<string>? MemberIds { get; init; }
}
