namespace UserGroupClient.Owl;

/// <summary>A user group as <c>PUT</c> (no id) and <c>POST /api/v1/usergroups</c> send it.</summary>
internal sealed record OwlUserGroupBody(int? Id, string Name, List<OwlUserReference> Users);
