namespace UserGroupClient.Testing.Owl;

/// <summary>A user group held by an <see cref="OwlEmulator"/>.</summary>
/// <param name="Id">The group's id.</param>
/// <param name="Name">The group's name.</param>
/// <param name="UserIds">The members' ids.</param>
public sealed record OwlEmulatedUserGroup(int Id, string Name, IReadOnlyList<int> UserIds);
