namespace UserGroupClient.Owl;

/// <summary>
/// An Owl user (docs/wire/owl.md §6.1), as listed and as created. Changes go through
/// <see cref="IOwlUsersApi.UpdateAsync"/> with an <see cref="OwlUserUpdate"/>, which keeps what it is not given.
/// </summary>
public sealed record OwlUser
{
    /// <summary>The user's id; ignored on create.</summary>
    public int Id { get; init; }

    /// <summary>The login name, unique.</summary>
    public string Username { get; init; } = "";

    /// <summary>The role: <see cref="OwlUserRoles.User"/> (0) or <see cref="OwlUserRoles.Admin"/> (1).</summary>
    public int Role { get; init; }

    /// <summary>The phone number; Owl refuses to create a user without one.</summary>
    public string Phone { get; init; } = "";

    /// <summary>The e-mail address.</summary>
    public string Mail { get; init; } = "";

    /// <summary>The WeChat id.</summary>
    public string Weixin { get; init; } = "";

    /// <summary>The status: 1 is enabled; any other value cannot log in.</summary>
    public int Status { get; init; }

    /// <summary>The user groups the user is in; on create this list sets the memberships (only ids matter).</summary>
    public IReadOnlyList<OwlGroupReference>? Groups { get; init; }
}
