namespace UserGroupClient.Kylin;

/// <summary>
/// What the unified service (<see cref="KylinUserGroupService"/>) needs of one Kylin API, over its typed API: the same
/// few operations on every flavor, each as that API does it.
/// </summary>
internal interface IKylinServiceWire
{
    /// <summary>The API.</summary>
    KylinWireShape Shape { get; }

    /// <summary>
    /// The group names, with <paramref name="search"/> the names that contain it ignoring case (where the API can
    /// filter; the service filters again), page by page where the API pages.
    /// </summary>
    IAsyncEnumerable<string> ListGroupNamesAsync(string? search, CancellationToken cancellationToken);

    /// <summary>Whether a group has exactly this name (ordinal).</summary>
    Task<bool> ExistsAsync(string name, CancellationToken cancellationToken);

    /// <summary>Creates an empty group.</summary>
    Task CreateGroupAsync(string name, CancellationToken cancellationToken);

    /// <summary>Deletes a group (built-in groups are refused by the typed API).</summary>
    Task DeleteGroupAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every member's username, page by page where the API pages.</summary>
    IAsyncEnumerable<string> ListMemberNamesAsync(string name, CancellationToken cancellationToken);

    /// <summary>Replaces the member list.</summary>
    Task SetMembersAsync(string name, IReadOnlyList<string> usernames, CancellationToken cancellationToken);

    /// <summary>Checks a group name the API addresses (<see cref="KylinInput.GroupName"/>).</summary>
    string GroupName(string? name, string parameterName);

    /// <summary>Checks the name of a group to create.</summary>
    string NewGroupName(string? name, string parameterName);
}
