namespace UserGroupClient.Testing.Owl;

/// <summary>A host group held by an <see cref="OwlEmulator"/>.</summary>
/// <param name="Id">The group's id.</param>
/// <param name="Name">The group's name.</param>
/// <param name="HostIds">The hosts' ids.</param>
public sealed record OwlEmulatedHostGroup(int Id, string Name, IReadOnlyList<string> HostIds);
