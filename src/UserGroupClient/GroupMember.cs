namespace UserGroupClient;

/// <summary>A member of a group: a user, or a host on Owl's host-group service.</summary>
/// <param name="Id">The member's id.</param>
/// <param name="Name">The member's display name, when the server reports it.</param>
public sealed record GroupMember(string Id, string? Name = null);
