namespace UserGroupClient;

/// <summary>Filters and paging for <see cref="IUserGroupService.ListGroupsAsync"/>.</summary>
public sealed record UserGroupQuery
{
    /// <summary>Text the group name must contain (the dialect's own search semantics apply).</summary>
    public string? Search { get; init; }

    /// <summary>Only groups under this parent, on dialects that can filter by parent.</summary>
    public string? ParentId { get; init; }

    /// <summary>How many groups to fetch per request; <see langword="null"/> uses the dialect's default.
    /// Values above the server's cap are clamped to it.</summary>
    public int? PageSize { get; init; }
}
