namespace UserGroupClient;

/// <summary>Filters and paging for <see cref="IUserGroupService.ListGroupsAsync"/>.</summary>
public sealed record UserGroupQuery
{
    /// <summary>Text the group name must contain (the dialect's own search semantics apply).</summary>
    public string? Search { get; init; }

    /// <summary>Only groups under this parent, on dialects that can filter by parent.</summary>
    public string? ParentId { get; init; }

    /// <summary>How many groups to fetch per request; <see langword="null"/> uses the dialect's default.
    /// Values above the server's cap are clamped to it, as the server clamps them; a value less than 1 is refused with
    /// <see cref="ArgumentOutOfRangeException"/> (parameter <c>query</c>) before anything is sent, on every dialect,
    /// those that list without paging included.</summary>
    public int? PageSize { get; init; }

    /// <summary>Checks <see cref="PageSize"/>: JumpServer and MinApp read 0 as "no limit" or "the maximum", and elsewhere it is a mistake the listing would hide.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The page size is less than 1.</exception>
    internal static void CheckPageSize(UserGroupQuery? query, string parameterName)
    {
        if (query?.PageSize is < 1)
        {
            throw new ArgumentOutOfRangeException(parameterName, query.PageSize, "The page size must be at least 1.");
        }
    }
}
