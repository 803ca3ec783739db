namespace UserGroupClient.Owl;

/// <summary>A host group as <c>PUT</c> (no id) and <c>POST /api/v1/groups</c> send it; <c>hosts</c> replaces the members.</summary>
internal sealed record OwlHostGroupBody(int? Id, string Name, List<OwlHostReference> Hosts);
