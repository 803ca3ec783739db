namespace UserGroupClient.JumpServer;

/// <summary>Query parameters of the group list.</summary>
public sealed record JumpServerGroupListOptions
{
    /// <summary>The page size (<c>limit</c>); always sent, clamped to <see cref="JumpServerClientOptions.MaxPageSize"/>.
    /// <see langword="null"/> uses <see cref="UserGroupClientOptions.DefaultPageSize"/>.</summary>
    public int? Limit { get; init; }

    /// <summary>How many items to skip (<c>offset</c>); a negative value is sent as 0, which the server reads it as.
    /// <see cref="IJumpServerUserGroupsApi.ListAllAsync"/> starts there too.</summary>
    public int? Offset { get; init; }

    /// <summary>Case-insensitive "name contains" (<c>search</c>).</summary>
    public string? Search { get; init; }

    /// <summary>Case-sensitive exact name (<c>name</c>), sent as given; the server trims it (a Django form field), as it trims the names it stores.</summary>
    public string? Name { get; init; }

    /// <summary>The sort field (<c>order</c>), e.g. <c>name</c> or <c>-date_created</c>.</summary>
    public string? Order { get; init; }

    /// <summary>Only the groups whose ids were cached under this <c>spm</c> (see <see cref="IJumpServerUserGroupsApi.CacheResourcesAsync"/>).</summary>
    public string? Spm { get; init; }
}
