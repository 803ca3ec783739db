namespace UserGroupClient.JumpServer;

/// <summary>A member as a group's <c>users</c> field lists it: an object from v3, a bare id in v2.</summary>
/// <param name="Id">The user's id.</param>
/// <param name="Name">The user's display name (v3+).</param>
/// <param name="IsServiceAccount">Whether the user is a service account (v3.10.1+).</param>
public sealed record JumpServerUserReference(string Id, string? Name = null, bool? IsServiceAccount = null);
