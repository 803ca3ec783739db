namespace UserGroupClient.Owl;

/// <summary>
/// The changes that <see cref="IOwlUsersApi.UpdateAsync"/> makes to one user. A property left <see langword="null"/>
/// keeps the user's current value: Owl v4 writes every field of the body and replaces the user's groups, so the SDK
/// sends the current value of everything not given here.
/// </summary>
public sealed record OwlUserUpdate
{
    /// <summary>The new login name.</summary>
    public string? Username { get; init; }

    /// <summary>The new role: <see cref="OwlUserRoles.User"/> (0) or <see cref="OwlUserRoles.Admin"/> (1).</summary>
    public int? Role { get; init; }

    /// <summary>The new phone number.</summary>
    public string? Phone { get; init; }

    /// <summary>The new e-mail address; an empty string clears it.</summary>
    public string? Mail { get; init; }

    /// <summary>The new WeChat id; an empty string clears it.</summary>
    public string? Weixin { get; init; }

    /// <summary>The new status: 1 is enabled; any other value cannot log in.</summary>
    public int? Status { get; init; }

    /// <summary>The complete list of user groups the user is to be in (it replaces the memberships); an empty list removes the user from every group.</summary>
    public IReadOnlyList<int>? GroupIds { get; init; }
}
