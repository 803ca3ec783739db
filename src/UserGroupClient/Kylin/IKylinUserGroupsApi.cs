namespace UserGroupClient.Kylin;

/// <summary>
/// Kylin's v2 user-group endpoints (<c>/kylin/api/user_group/…</c>), one method per endpoint. A group is its name:
/// names travel in the path, and names the server would mangle (a <c>.</c>, <c>/</c>, <c>\</c>, control characters)
/// are refused with <see cref="ArgumentException"/> before anything is sent. Paged calls take a page index
/// (<c>pageOffset</c>, 0 first) and report the server's total (<c>size</c>). Group names are case-sensitive. Servers
/// without this API (Apache Kylin, Kylin 5, Kyligence Enterprise 4.x) are recognised by their answers and raise
/// <see cref="UserGroupUnsupportedServerException"/> (see <see cref="KylinClient"/>).
/// </summary>
public interface IKylinUserGroupsApi
{
    /// <summary>The project sent with <see cref="ListGroupsAsync"/> when none is given.</summary>
    string Project { get; }

    /// <summary><c>GET user_group/groups?project=…</c>: every group name, sorted (ordinal).</summary>
    /// <param name="project">The project whose administrators may list; <see langword="null"/> uses <see cref="Project"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<string>> ListGroupsAsync(string? project = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET user_group/usersWithGroup?pageOffset=…&amp;pageSize=…</c>: one page of groups with their usernames (global admins only).</summary>
    /// <param name="pageOffset">The page index, 0 first (not a row offset).</param>
    /// <param name="pageSize">The page size; <see langword="null"/> uses <see cref="UserGroupClientOptions.DefaultPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentOutOfRangeException">The index is negative or the size is not positive.</exception>
    Task<KylinPage<KylinGroupUsers>> ListUsersWithGroupAsync(int pageOffset = 0, int? pageSize = null, CancellationToken cancellationToken = default);

    /// <summary>Every group with its usernames, fetched page by page with <see cref="ListUsersWithGroupAsync"/>.</summary>
    IAsyncEnumerable<KylinGroupUsers> ListAllUsersWithGroupAsync(int? pageSize = null, CancellationToken cancellationToken = default);

    /// <summary><c>POST user_group/{groupName}</c>: creates an empty group.</summary>
    /// <exception cref="UserGroupConflictException">The group exists.</exception>
    Task CreateGroupAsync(string groupName, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>DELETE user_group/{groupName}</c>: removes the group from every user and revokes its ACLs, then deletes it
    /// (not transactional: when the group does not exist, the users were already stripped of a name nobody listed).
    /// The built-in groups <c>ALL_USERS</c>, <c>ROLE_ADMIN</c>, <c>ROLE_ANALYST</c> and <c>ROLE_MODELER</c>, in any
    /// case, are refused before anything is sent: KAP 3.x has no guard and would strip them from every user.
    /// </summary>
    /// <exception cref="UserGroupNotFoundException">The group does not exist.</exception>
    /// <exception cref="UserGroupValidationException">
    /// The group is built in: refused by the SDK (<see cref="UserGroupApiException.StatusCode"/> is <see langword="null"/>),
    /// or by the server's own guard where it has one (HTTP 500, <c>Can not delete group …</c>).
    /// </exception>
    Task DeleteGroupAsync(string groupName, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET user_group/groupMembers/{groupName}?pageOffset=…&amp;pageSize=…</c>: one page of the group's users. An unknown
    /// group has no members (the server does not say it is unknown).
    /// </summary>
    /// <param name="groupName">The group.</param>
    /// <param name="pageOffset">The page index, 0 first (not a row offset).</param>
    /// <param name="pageSize">The page size; <see langword="null"/> uses <see cref="UserGroupClientOptions.DefaultPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<KylinPage<KylinManagedUser>> ListGroupMembersAsync(string groupName, int pageOffset = 0, int? pageSize = null, CancellationToken cancellationToken = default);

    /// <summary>Every user of a group, fetched page by page with <see cref="ListGroupMembersAsync"/>.</summary>
    IAsyncEnumerable<KylinManagedUser> ListAllGroupMembersAsync(string groupName, int? pageSize = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>PUT user_group/users/{groupName}</c> with a bare JSON array of usernames: <b>replaces</b> the group's members
    /// (an empty list empties it; duplicate names are sent once). The server is <b>not transactional</b>: it first adds,
    /// one user at a time and in the order given, each listed user who is not a member, and only then removes the
    /// members who are not listed. An unknown username (usernames are case-sensitive) stops it with
    /// <see cref="UserGroupNotFoundException"/>: the users listed before it have been added, none after it, and nobody
    /// has been removed. The SDK cannot check the names first, because the v2 API has no reliable list of all users.
    /// The server does not check that the group exists: an unknown group "succeeds", and its users carry a group that
    /// <see cref="ListGroupsAsync"/> does not list. The members of <c>ALL_USERS</c> are refused before anything is
    /// sent: KAP 3.x never puts a user it removes from that group back.
    /// </summary>
    /// <exception cref="UserGroupNotFoundException">A username is unknown; the membership may be partly changed, as described above.</exception>
    /// <exception cref="UserGroupValidationException">The group is <c>ALL_USERS</c>; nothing was sent.</exception>
    Task SetGroupUsersAsync(string groupName, IEnumerable<string> usernames, CancellationToken cancellationToken = default);
}
