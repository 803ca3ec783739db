namespace UserGroupClient.JumpServer;

/// <summary>The body of <c>POST /api/v1/common/resources/cache/</c>.</summary>
internal sealed record JumpServerResourceCache(IReadOnlyList<string> Resources);
