namespace UserGroupClient.Testing.Owl;

/// <summary>A host held by an <see cref="OwlEmulator"/>.</summary>
/// <param name="Id">The host's id, 16 lower-case hex digits unless seeded otherwise.</param>
/// <param name="Name">The display name.</param>
/// <param name="Ip">The IP address.</param>
/// <param name="Hostname">The host name.</param>
/// <param name="Status"><c>"0"</c> failed, <c>"1"</c> normal, <c>"2"</c> disabled, <c>"3"</c> new.</param>
public sealed record OwlEmulatedHost(string Id, string Name, string Ip, string Hostname, string Status);
