namespace UserGroupClient.JumpServer;

/// <summary>A user–group membership row of <c>/api/v1/users/users-groups-relations/</c>.</summary>
public sealed class JumpServerUserGroupRelation
{
    /// <summary>The row's id.</summary>
    public long Id { get; init; }

    /// <summary>The user's id.</summary>
    public string User { get; init; } = "";

    /// <summary>The user's display name.</summary>
    public string? UserDisplay { get; init; }

    /// <summary>The group's id.</summary>
    public string Usergroup { get; init; } = "";

    /// <summary>The group's name.</summary>
    public string? UsergroupDisplay { get; init; }
}
