namespace UserGroupClient.Owl;

/// <summary>One page of <c>GET /api/v1/hosts</c>.</summary>
/// <param name="Hosts">The page's hosts.</param>
/// <param name="Total">How many hosts match across all pages.</param>
public sealed record OwlHostPage(IReadOnlyList<OwlHost> Hosts, int Total);
