namespace UserGroupClient.Owl;

/// <summary>
/// One element of the <c>POST /api/v1/usergroups</c> array. The members are replaced by <paramref name="UserIds"/>.
/// Owl v4 reloads the group before saving, so the stored name wins: a changed <paramref name="Name"/> is ignored.
/// </summary>
/// <param name="Id">The group's id.</param>
/// <param name="Name">The group's name.</param>
/// <param name="UserIds">The complete new member list.</param>
public sealed record OwlUserGroupUpdate(int Id, string Name, IReadOnlyList<int> UserIds);
