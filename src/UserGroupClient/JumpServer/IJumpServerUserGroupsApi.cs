namespace UserGroupClient.JumpServer;

/// <summary>
/// JumpServer's user-group endpoints, one method per endpoint (<c>/api/v1/users/groups/</c> and its relations),
/// scoped to one organization (<c>X-JMS-ORG</c>). Paths always end in <c>/</c>; lists always send <c>limit</c>.
/// </summary>
public interface IJumpServerUserGroupsApi
{
    /// <summary>The organization every call of this instance is sent to.</summary>
    string OrganizationId { get; }

    /// <summary>The same API scoped to another organization; this instance is unchanged.</summary>
    /// <exception cref="ArgumentException">The id is not a GUID.</exception>
    IJumpServerUserGroupsApi WithOrganization(string organizationId);

    /// <summary><c>GET /api/v1/users/groups/?limit=…</c>: one page of groups.</summary>
    Task<JumpServerPage<JumpServerUserGroup>> ListAsync(JumpServerGroupListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Every matching group from <see cref="JumpServerGroupListOptions.Offset"/> on (the first when it is not
    /// given), fetched page by page with <see cref="ListAsync"/> (offsets computed from <c>count</c>).</summary>
    IAsyncEnumerable<JumpServerUserGroup> ListAllAsync(JumpServerGroupListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/v1/users/groups/{id}/</c>.</summary>
    Task<JumpServerUserGroup> GetAsync(string groupId, CancellationToken cancellationToken = default);

    /// <summary><c>POST /api/v1/users/groups/</c>.</summary>
    Task<JumpServerUserGroup> CreateAsync(JumpServerUserGroupCreate group, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /api/v1/users/groups/{id}/</c>: a full update; members are kept unless <see cref="JumpServerUserGroupUpdate.Users"/> is set.</summary>
    Task<JumpServerUserGroup> UpdateAsync(string groupId, JumpServerUserGroupUpdate group, CancellationToken cancellationToken = default);

    /// <summary><c>PATCH /api/v1/users/groups/{id}/</c>: a partial update.</summary>
    Task<JumpServerUserGroup> PatchAsync(string groupId, JumpServerUserGroupPatch patch, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /api/v1/users/groups/{id}/</c>.</summary>
    Task DeleteAsync(string groupId, CancellationToken cancellationToken = default);

    /// <summary><c>POST /api/v1/common/resources/cache/</c>: caches ids (for 300 s) and returns the <c>spm</c> that selects them.</summary>
    Task<string> CacheResourcesAsync(IEnumerable<string> resourceIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes several groups with the <c>spm</c> flow: caches the ids, checks that the <c>spm</c> selects exactly those
    /// groups (an unknown or expired <c>spm</c> would make the server delete nothing and still answer 204), then
    /// <c>DELETE /api/v1/users/groups/?spm=…</c>. An id given more than once, in either case (ids are UUIDs), is sent once.
    /// </summary>
    /// <exception cref="UserGroupNotFoundException">
    /// The selection holds fewer groups than ids were given (some ids are not groups of the organization, or the
    /// selection expired); nothing was deleted.
    /// </exception>
    /// <exception cref="UserGroupApiException">The selection holds more groups than ids were given; nothing was deleted.</exception>
    Task BulkDeleteAsync(IEnumerable<string> groupIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /api/v1/users/users-groups-relations/</c>: adds users to a group; a user already in it makes the server
    /// refuse the whole call. An empty list sends nothing and returns an empty list.
    /// </summary>
    Task<IReadOnlyList<JumpServerUserGroupRelation>> AddUsersAsync(string groupId, IEnumerable<string> userIds, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /api/v1/users/users-groups-relations/?usergroup=…&amp;user=…</c>: removes one user from a group.</summary>
    Task RemoveUserAsync(string groupId, string userId, CancellationToken cancellationToken = default);

    /// <summary><c>PATCH /api/v1/users/groups/{id}/</c> with <c>users</c>: replaces the members.</summary>
    Task<JumpServerUserGroup> SetUsersAsync(string groupId, IEnumerable<string> userIds, CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/v1/users/users/?group_id=…&amp;limit=…</c>: one page of a group's members.</summary>
    Task<JumpServerPage<JumpServerUser>> ListMembersAsync(string groupId, JumpServerPageRequest? page = null, CancellationToken cancellationToken = default);

    /// <summary>Every member of a group, fetched page by page with <see cref="ListMembersAsync"/>.</summary>
    IAsyncEnumerable<JumpServerUser> ListAllMembersAsync(string groupId, CancellationToken cancellationToken = default);

    /// <summary><c>POST /api/v1/users/groups/{id}/add-all-users/</c>: adds every user of the organization.</summary>
    Task AddAllUsersAsync(string groupId, CancellationToken cancellationToken = default);
}
