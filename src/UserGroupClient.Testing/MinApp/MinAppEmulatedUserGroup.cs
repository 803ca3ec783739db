namespace UserGroupClient.Testing.MinApp;

/// <summary>A user group held by a <see cref="MinAppEmulator"/>.</summary>
/// <param name="Id">The group's id.</param>
/// <param name="Name">The group's name.</param>
/// <param name="ParentId">The supergroup it is in, or <see langword="null"/>.</param>
/// <param name="Members">How many users are in it.</param>
public sealed record MinAppEmulatedUserGroup(long Id, string Name, long? ParentId, int Members);
