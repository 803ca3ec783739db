namespace UserGroupClient.Owl;

/// <summary>One page of <c>GET /api/v1/users</c>.</summary>
/// <param name="Users">The page's users.</param>
/// <param name="Total">How many users match across all pages.</param>
public sealed record OwlUserPage(IReadOnlyList<OwlUser> Users, int Total);
