namespace UserGroupClient.Testing.JumpServer;

/// <summary>A user account held by a <see cref="JumpServerEmulator"/>.</summary>
/// <param name="Id">The user's id, a lower-case UUID.</param>
/// <param name="Username">The login name, unique across the server.</param>
/// <param name="Name">The display name, shown as <c>name</c> in group members and relation rows.</param>
/// <param name="Email">The e-mail address.</param>
/// <param name="IsAdmin">Whether the user is a superuser: allowed everything, in every organization.</param>
/// <param name="IsActive">Whether the account is enabled; inactive users cannot log in and their credentials are refused.</param>
/// <param name="MfaRequired">Whether password login stops at the <c>mfa_required</c> answer instead of issuing a token.</param>
/// <param name="IsServiceAccount">Whether the account is a service account; such users are not counted in <c>users_amount</c>.</param>
/// <param name="OrganizationIds">The organizations the user is a member of.</param>
/// <param name="DateJoined">When the user was added.</param>
public sealed record JumpServerEmulatedUser(
    string Id,
    string Username,
    string Name,
    string Email,
    bool IsAdmin,
    bool IsActive,
    bool MfaRequired,
    bool IsServiceAccount,
    IReadOnlyList<string> OrganizationIds,
    DateTimeOffset DateJoined);
