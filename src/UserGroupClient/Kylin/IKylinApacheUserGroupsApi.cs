namespace UserGroupClient.Kylin;

/// <summary>
/// Apache Kylin 3.x/4.x's user-group endpoints (<c>/kylin/api/user_group/…</c> in plain <c>application/json</c>), one
/// method per endpoint. A group is its name, case-sensitive; names travel in the path, and names the server would
/// mangle (a <c>.</c>, <c>/</c>, <c>\</c>, control characters) are refused with <see cref="ArgumentException"/> before
/// anything is sent. <c>groups</c> pages by row (<c>offset</c>, <c>limit</c>) and reports the number of matches. Errors
/// are HTTP 500 with the server's text: a duplicate is <see cref="UserGroupConflictException"/>, a missing group or user
/// <see cref="UserGroupNotFoundException"/>, a caller who is not an administrator
/// <see cref="UserGroupPermissionException"/> (<c>Access is denied</c>). A server of another flavor is recognised by its
/// answers and raises <see cref="UserGroupUnsupportedServerException"/> naming it (see <see cref="KylinClient"/>).
/// </summary>
public interface IKylinApacheUserGroupsApi
{
    /// <summary>
    /// The project sent with <see cref="ListGroupsAsync"/> when none is given (<see cref="KylinClientOptions.Project"/>):
    /// its administrators may list; without one (<see langword="null"/> or empty) only global administrators may.
    /// </summary>
    string? Project { get; }

    /// <summary>
    /// <c>GET user_group/groups?project=…&amp;name=…&amp;isFuzzMatch=…&amp;offset=…&amp;limit=…</c>: one page of groups, each
    /// with its usernames, sorted by name here (the server sends a map without order). The server sorts the names
    /// (ordinal) before it cuts the page.
    /// </summary>
    /// <param name="name">Only the group with exactly this name, or with <paramref name="isFuzzMatch"/> the groups whose name contains it, ignoring case; <see langword="null"/> for all; a blank one, which the server would drop (listing every group), is refused with <see cref="ArgumentException"/>.</param>
    /// <param name="isFuzzMatch">Whether <paramref name="name"/> is a part of the name rather than the whole name.</param>
    /// <param name="offset">The row offset, 0 first (not a page index).</param>
    /// <param name="limit">The page size; <see langword="null"/> uses <see cref="UserGroupClientOptions.DefaultPageSize"/>.</param>
    /// <param name="project">The project whose administrators may list; <see langword="null"/> uses <see cref="Project"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentOutOfRangeException">The offset is negative or the limit is not positive.</exception>
    Task<KylinOffsetPage<KylinGroupUsers>> ListGroupsAsync(string? name = null, bool isFuzzMatch = false, int offset = 0, int? limit = null, string? project = null, CancellationToken cancellationToken = default);

    /// <summary>Every group (or every match of <paramref name="name"/>) with its usernames, fetched page by page with <see cref="ListGroupsAsync"/>.</summary>
    IAsyncEnumerable<KylinGroupUsers> ListAllGroupsAsync(string? name = null, bool isFuzzMatch = false, int? pageSize = null, string? project = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET user_group/users/{groupName}</c>: every user of the group at once (not paged), sorted ignoring case. An
    /// unknown group has no members (the server does not say it is unknown).
    /// </summary>
    Task<IReadOnlyList<KylinManagedUser>> ListGroupUsersAsync(string groupName, CancellationToken cancellationToken = default);

    /// <summary><c>POST user_group/{groupName}</c>: creates an empty group.</summary>
    /// <exception cref="UserGroupConflictException">The group exists.</exception>
    Task CreateGroupAsync(string groupName, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>DELETE user_group/{groupName}</c>: removes the group from every user, then deletes it (not transactional).
    /// The built-in groups <c>ALL_USERS</c>, <c>ROLE_ADMIN</c>, <c>ROLE_ANALYST</c> and <c>ROLE_MODELER</c>, in any
    /// case, are refused before anything is sent (the server guards only the first two).
    /// </summary>
    /// <exception cref="UserGroupNotFoundException">The group does not exist.</exception>
    /// <exception cref="UserGroupValidationException">The group is built in.</exception>
    Task DeleteGroupAsync(string groupName, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>PUT user_group/users/{groupName}</c> with a bare JSON array of usernames: <b>replaces</b> the group's members
    /// (an empty list empties it; duplicate names are sent once). The server is <b>not transactional</b>: it adds the
    /// listed users who are not members one at a time, then removes the members who are not listed; an unknown
    /// username stops it with <see cref="UserGroupNotFoundException"/>, the users before it added. It does not check that
    /// the group exists (an unknown group "succeeds" and stays unlisted), and refuses to empty <c>ROLE_ADMIN</c>
    /// (<see cref="UserGroupValidationException"/>). The members of <c>ALL_USERS</c> are refused before anything is sent:
    /// Apache Kylin puts every user back into it at once.
    /// </summary>
    /// <exception cref="UserGroupNotFoundException">A username is unknown; the membership may be partly changed.</exception>
    /// <exception cref="UserGroupValidationException">The group is <c>ALL_USERS</c>, or the list would empty <c>ROLE_ADMIN</c>.</exception>
    Task SetGroupUsersAsync(string groupName, IEnumerable<string> usernames, CancellationToken cancellationToken = default);
}
