namespace UserGroupClient.Owl;

/// <summary>
/// Owl's host-group endpoints (<c>/api/v1/groups</c>), one method per endpoint. PUT creates, POST updates and replaces
/// the hosts; no endpoint reads one group: list and filter.
/// </summary>
public interface IOwlHostGroupsApi
{
    /// <summary><c>GET /api/v1/groups?q=…</c>: every group whose name contains <paramref name="search"/> (no paging, no hosts).</summary>
    Task<IReadOnlyList<OwlHostGroup>> ListAsync(string? search = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>PUT /api/v1/groups</c>: creates a group holding <paramref name="hostIds"/>. Owl v4 skips ids that name no host
    /// without an error; the facade checks them first.
    /// </summary>
    /// <exception cref="UserGroupConflictException">The name is taken.</exception>
    Task<OwlHostGroup> CreateAsync(string name, IEnumerable<string>? hostIds = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /api/v1/groups</c> with <c>id</c>, <c>name</c> and <c>hosts</c>: renames the group and makes
    /// <paramref name="hostIds"/> its complete host list (hosts not listed leave the group). An id that names no host
    /// makes Owl v4 answer code 500 after it has applied the others; the facade checks the ids first.
    /// </summary>
    /// <exception cref="UserGroupConflictException">Another group has this name.</exception>
    /// <exception cref="UserGroupApiException">A host id names no host (the group holds the other hosts by then).</exception>
    Task<OwlHostGroup> UpdateAsync(int groupId, string name, IEnumerable<string> hostIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>DELETE /api/v1/groups/{id}</c>, sent as it is. Owl v4 deletes a group that still holds hosts, with its
    /// memberships; a server that follows the vendor documentation refuses. The facade
    /// (<see cref="OwlClient.AsHostGroupService"/>) checks the group's hosts first and never sends this for a non-empty group.
    /// </summary>
    /// <exception cref="UserGroupNotEmptyException">The group still holds hosts and the server refuses to delete it (Owl answers this with code 200).</exception>
    /// <exception cref="UserGroupNotFoundException">No host group has this id.</exception>
    Task DeleteAsync(int groupId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/v1/groups/{id}/hosts</c>: one page of the group's hosts (<see cref="OwlHostListOptions.GroupId"/> is not used).</summary>
    /// <exception cref="UserGroupNotFoundException">No host group has this id.</exception>
    Task<OwlGroupHostPage> ListHostsAsync(int groupId, OwlHostListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Every host of the group, page by page with <see cref="ListHostsAsync"/> until a short page (Owl reports no total; <see cref="OwlHostListOptions.Page"/> is ignored).</summary>
    IAsyncEnumerable<OwlHost> ListAllHostsAsync(int groupId, OwlHostListOptions? options = null, CancellationToken cancellationToken = default);
}
