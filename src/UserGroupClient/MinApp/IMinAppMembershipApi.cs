namespace UserGroupClient.MinApp;

/// <summary>
/// Users in user groups: <c>PATCH /oserve/v1/miniapp/group/membership/</c>, and reading members back through the
/// user-profile list's <c>group__in</c> filter. Users are named by their <c>user_id</c>.
/// </summary>
public interface IMinAppMembershipApi
{
    /// <summary>
    /// <c>PATCH /oserve/v1/miniapp/group/membership/</c> with the operations in order, in one request; no operations
    /// sends nothing. There is no "replace the members" operation: replacing means reading the members
    /// (<see cref="ListAllUsersAsync"/>) and patching the difference, two steps between which another client's change
    /// is not seen.
    /// </summary>
    /// <exception cref="ArgumentException">An operation has an empty user or group list, or an id that is not positive.</exception>
    Task PatchAsync(IEnumerable<MinAppMembershipOperation> operations, CancellationToken cancellationToken = default);

    /// <summary>One <c>add</c> operation: every user joins every group.</summary>
    Task AddAsync(IEnumerable<long> userIds, IEnumerable<long> groupIds, CancellationToken cancellationToken = default);

    /// <summary>One <c>remove</c> operation: every user leaves every group.</summary>
    Task RemoveAsync(IEnumerable<long> userIds, IEnumerable<long> groupIds, CancellationToken cancellationToken = default);

    /// <summary><c>GET /oserve/v1/miniapp/user-profile/?group__in=…&amp;limit=&amp;offset=</c>: one page of the users in any of the groups.</summary>
    Task<MinAppPage<MinAppUserProfile>> ListUsersAsync(IEnumerable<long> groupIds, MinAppPageRequest? page = null, CancellationToken cancellationToken = default);

    /// <summary>Every user in any of the groups, page by page, following <c>meta.next</c>.</summary>
    IAsyncEnumerable<MinAppUserProfile> ListAllUsersAsync(IEnumerable<long> groupIds, CancellationToken cancellationToken = default);
}
