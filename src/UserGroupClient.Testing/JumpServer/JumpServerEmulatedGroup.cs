namespace UserGroupClient.Testing.JumpServer;

/// <summary>A snapshot of a user group held by a <see cref="JumpServerEmulator"/>.</summary>
/// <param name="Id">The group's id, a lower-case UUID.</param>
/// <param name="Name">The name, unique within its organization.</param>
/// <param name="Comment">The comment; empty when none was given.</param>
/// <param name="OrganizationId">The id of the organization the group belongs to.</param>
/// <param name="UserIds">The ids of the member users, in the order they were added.</param>
/// <param name="CreatedAt">When the group was created.</param>
/// <param name="CreatedBy">The creator's display name cut to 30 characters, or <c>System</c> for seeded groups.</param>
public sealed record JumpServerEmulatedGroup(
    string Id,
    string Name,
    string Comment,
    string OrganizationId,
    IReadOnlyList<string> UserIds,
    DateTimeOffset CreatedAt,
    string CreatedBy);
