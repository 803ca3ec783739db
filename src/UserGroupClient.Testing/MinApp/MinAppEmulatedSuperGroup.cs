namespace UserGroupClient.Testing.MinApp;

/// <summary>A supergroup (组集) held by a <see cref="MinAppEmulator"/>.</summary>
/// <param name="Id">The supergroup's id.</param>
/// <param name="Name">The supergroup's name.</param>
/// <param name="Children">The ids of the user groups in it, ascending.</param>
public sealed record MinAppEmulatedSuperGroup(long Id, string Name, IReadOnlyList<long> Children);
