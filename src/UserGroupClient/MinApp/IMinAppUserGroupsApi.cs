namespace UserGroupClient.MinApp;

/// <summary>MinApp's user-group endpoints (<c>/oserve/v1/user-group/</c>), one method per endpoint. Paths always end in <c>/</c>.</summary>
public interface IMinAppUserGroupsApi
{
    /// <summary><c>GET /oserve/v1/user-group/?parent_id=&amp;limit=&amp;offset=</c>: one page of groups.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The limit is below 1, the offset negative or the parent id not positive.</exception>
    Task<MinAppPage<MinAppUserGroup>> ListAsync(MinAppUserGroupListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every matching group, page by page, following <c>meta.next</c>. The server has no name filter: to find groups
    /// by name, read them all (with <see cref="MinAppUserGroupListOptions.Limit"/> at <see cref="MinAppClientOptions.MaxPageSize"/>,
    /// one request per 1000 groups) and match on the client; several groups may have the same name.
    /// </summary>
    IAsyncEnumerable<MinAppUserGroup> ListAllAsync(MinAppUserGroupListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /oserve/v1/user-group/{id}/</c>.</summary>
    Task<MinAppUserGroup> GetAsync(long groupId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /oserve/v1/user-group/</c> with <c>{"name", "parent"?}</c>. Names are not unique: the server creates a
    /// second group with a name that is already taken.
    /// </summary>
    /// <exception cref="ArgumentException">The name is blank or holds control characters.</exception>
    Task<MinAppUserGroup> CreateAsync(MinAppUserGroupCreate group, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /oserve/v1/user-group/{id}/</c> with <c>{"name", "parent"?}</c>.</summary>
    /// <exception cref="ArgumentException">The name is blank, or both a parent and its removal are asked for.</exception>
    Task<MinAppUserGroup> UpdateAsync(long groupId, MinAppUserGroupUpdate update, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /oserve/v1/user-group/{id}/</c>.</summary>
    Task DeleteAsync(long groupId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>DELETE /oserve/v1/user-group/?id__in=1,2</c>. An empty list sends nothing: a list DELETE without the filter
    /// would delete every group.
    /// </summary>
    Task BulkDeleteAsync(IEnumerable<long> groupIds, CancellationToken cancellationToken = default);
}
