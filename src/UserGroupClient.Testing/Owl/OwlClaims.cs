namespace UserGroupClient.Testing.Owl;

/// <summary>The claims the emulator reads back from a token.</summary>
internal readonly record struct OwlClaims(string Username, long Expires, long OriginalIssuedAt);
