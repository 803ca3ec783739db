namespace UserGroupClient.Owl;

/// <summary>
/// Owl's user-group endpoints (<c>/api/v1/usergroups</c>), one method per endpoint. PUT creates, POST updates; members
/// are replaced as a whole (there is no add or remove), and no endpoint reads one group: list and filter.
/// </summary>
public interface IOwlUserGroupsApi
{
    /// <summary><c>GET /api/v1/usergroups?q=…</c>: every group whose name contains <paramref name="search"/>, with its users (no paging).</summary>
    Task<IReadOnlyList<OwlUserGroup>> ListAsync(string? search = null, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /api/v1/usergroups</c>: creates a group with the given members (unknown user ids are skipped by the server).</summary>
    /// <exception cref="UserGroupConflictException">The name is taken.</exception>
    Task<OwlUserGroup> CreateAsync(string name, IEnumerable<int>? userIds = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /api/v1/usergroups</c> with the array body: replaces each group's members. Owl v4 keeps the stored name
    /// (renames are ignored), skips user ids that name no user, and skips group ids that name no group without an
    /// error; so this first reads the group list (<c>GET /api/v1/usergroups</c>, one request) and sends nothing when an
    /// id names no group. A group deleted between that read and the update is still skipped silently.
    /// </summary>
    /// <returns>
    /// The server's answer, which echoes the request: each group with its id, its stored name and the users as sent
    /// (ids only; the other user fields are blank).
    /// </returns>
    /// <exception cref="UserGroupUnknownIdsException">A group id names no user group; <see cref="UserGroupUnknownIdsException.UnknownIds"/> lists them and nothing was sent.</exception>
    Task<IReadOnlyList<OwlUserGroup>> UpdateAsync(IEnumerable<OwlUserGroupUpdate> groups, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /api/v1/usergroups/{id}</c>; memberships are removed with it.</summary>
    /// <exception cref="UserGroupNotFoundException">No user group has this id.</exception>
    Task DeleteAsync(int groupId, CancellationToken cancellationToken = default);
}
