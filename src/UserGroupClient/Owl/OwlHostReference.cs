namespace UserGroupClient.Owl;

/// <summary>A host sent as a member: <c>{"id":"03381a1a3ea35d5a"}</c>.</summary>
internal sealed record OwlHostReference(string Id);
