namespace UserGroupClient.Testing.Kylin;

/// <summary>A snapshot of a user held by a <see cref="KylinEmulator"/>.</summary>
/// <param name="Username">The login name (case-sensitive).</param>
/// <param name="PasswordHash">The bcrypt-looking hash (<c>$2a$10$…</c>) the server lists in place of the password.</param>
/// <param name="IsAdmin">Whether the user has <c>ROLE_ADMIN</c>, i.e. is in the <c>ROLE_ADMIN</c> group.</param>
/// <param name="Disabled">Whether the account is disabled; its logins are refused.</param>
/// <param name="Locked">Whether the account is locked after three wrong passwords.</param>
/// <param name="Authorities">The user's authorities: the groups the user is in (<c>ALL_USERS</c> from the start, unless a member update removed it).</param>
public sealed record KylinEmulatedUser(
    string Username,
    string PasswordHash,
    bool IsAdmin,
    bool Disabled,
    bool Locked,
    IReadOnlyList<string> Authorities);
