namespace UserGroupClient.Kylin;

/// <summary>
/// The user-group endpoints of the v4-public open API of Kylin 5 and Kyligence Enterprise 4.x
/// (<c>/kylin/api/user_group/…</c>, <c>application/vnd.apache.kylin-v4-public+json</c>), one method per endpoint; every
/// call needs a system administrator. A group is its name, and names are unique <b>ignoring case</b> (<c>Ops</c> blocks
/// <c>ops</c>). Lists page by page index (<c>page_offset</c>, 0 first) and report the total. Member updates are
/// transactional: a refused one changes nothing. Errors carry a <c>KE-…</c> code
/// (<see cref="UserGroupApiException.ErrorCode"/>): a duplicate is <see cref="UserGroupConflictException"/>, a missing
/// group or user <see cref="UserGroupNotFoundException"/>, a caller who is not an administrator
/// <see cref="UserGroupPermissionException"/> (HTTP 400, <c>KE-010024001</c>), a locked account
/// <see cref="UserGroupAuthenticationException"/> (HTTP 400, the server's message says how long), and a request the
/// server refuses by its rules <see cref="UserGroupValidationException"/>. Names and usernames with control characters,
/// and names with <c>/</c> or <c>\</c> where they travel in the path, are refused with <see cref="ArgumentException"/>
/// before anything is sent. A server of another flavor is recognised by its answers and raises
/// <see cref="UserGroupUnsupportedServerException"/> naming it (see <see cref="KylinClient"/>).
/// </summary>
public interface IKylinOpenUserGroupsApi
{
    /// <summary><c>GET user_group/groups?group_name=…&amp;is_case_sensitive=…&amp;page_offset=…&amp;page_size=…</c>: one page of group names, sorted (ordinal).</summary>
    /// <param name="groupName">Only names that contain it (ignoring case unless <paramref name="isCaseSensitive"/>); <see langword="null"/> for all; a blank one, which the server would drop, is refused with <see cref="ArgumentException"/>.</param>
    /// <param name="isCaseSensitive">Whether <paramref name="groupName"/> is matched with its case.</param>
    /// <param name="pageOffset">The page index, 0 first (not a row offset).</param>
    /// <param name="pageSize">The page size; <see langword="null"/> uses <see cref="UserGroupClientOptions.DefaultPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentOutOfRangeException">The index is negative or the size is not positive.</exception>
    Task<KylinPage<string>> ListGroupsAsync(string? groupName = null, bool isCaseSensitive = false, int pageOffset = 0, int? pageSize = null, CancellationToken cancellationToken = default);

    /// <summary>Every group name (or every match), fetched page by page with <see cref="ListGroupsAsync"/>.</summary>
    IAsyncEnumerable<string> ListAllGroupsAsync(string? groupName = null, bool isCaseSensitive = false, int? pageSize = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET user_group/group_members/{groupName}?username=…&amp;page_offset=…&amp;page_size=…</c>: one page of the group's
    /// users, sorted ignoring case (no password hashes). An unknown group has no members (the server does not say it
    /// is unknown).
    /// </summary>
    /// <param name="groupName">The group.</param>
    /// <param name="username">Only users whose name contains it, ignoring case; <see langword="null"/> for all; a blank one, which the server would drop, is refused with <see cref="ArgumentException"/>.</param>
    /// <param name="pageOffset">The page index, 0 first.</param>
    /// <param name="pageSize">The page size; <see langword="null"/> uses <see cref="UserGroupClientOptions.DefaultPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<KylinPage<KylinManagedUser>> ListGroupMembersAsync(string groupName, string? username = null, int pageOffset = 0, int? pageSize = null, CancellationToken cancellationToken = default);

    /// <summary>Every user of a group, fetched page by page with <see cref="ListGroupMembersAsync"/>.</summary>
    IAsyncEnumerable<KylinManagedUser> ListAllGroupMembersAsync(string groupName, string? username = null, int? pageSize = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET user_group/users_with_group?page_offset=…&amp;page_size=…&amp;user_group_name=…</c>: one page of groups with their usernames.</summary>
    /// <param name="groupName">Only groups whose name contains it; <see langword="null"/> for all.</param>
    /// <param name="pageOffset">The page index, 0 first.</param>
    /// <param name="pageSize">The page size; <see langword="null"/> uses <see cref="UserGroupClientOptions.DefaultPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<KylinPage<KylinOpenGroupUsers>> ListUsersWithGroupAsync(string? groupName = null, int pageOffset = 0, int? pageSize = null, CancellationToken cancellationToken = default);

    /// <summary><c>POST user_group</c> with <c>{"group_name": …}</c>: creates an empty group.</summary>
    /// <exception cref="ArgumentException">
    /// The server would refuse the name: it starts with <c>.</c>, starts or ends with a space, holds a character above
    /// U+00FF or one of <c>\ / : * ? " &lt; &gt; |</c>.
    /// </exception>
    /// <exception cref="UserGroupConflictException">A group with the name exists, compared ignoring case.</exception>
    Task CreateGroupAsync(string groupName, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST user_group/batch</c> with <c>["g1", …]</c>: creates several groups in one call. Every name is checked as
    /// <see cref="CreateGroupAsync"/> checks it. The server also refuses a name that ends with an existing group's
    /// name, ignoring case (<c>xg1</c> when <c>g1</c> exists). A name given twice is sent once; two names that differ only
    /// in case are refused before anything is sent, since the server would create both.
    /// </summary>
    /// <exception cref="ArgumentException">A name breaks the rules of <see cref="CreateGroupAsync"/>, no name is given, or two differ only in case.</exception>
    Task CreateGroupsAsync(IEnumerable<string> groupNames, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>DELETE user_group</c> with <c>{"group_name": …}</c>: removes the group from every user and revokes its rights,
    /// then deletes it, in one transaction. The built-in groups <c>ALL_USERS</c>, <c>ROLE_ADMIN</c>,
    /// <c>ROLE_ANALYST</c> and <c>ROLE_MODELER</c>, in any case, are refused before anything is sent (the server
    /// guards only the first two).
    /// </summary>
    /// <exception cref="UserGroupNotFoundException">The group does not exist.</exception>
    /// <exception cref="UserGroupValidationException">The group is built in.</exception>
    Task DeleteGroupAsync(string groupName, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>DELETE user_group/batch</c> with <c>["g1", …]</c>: deletes several groups in one call. A built-in group among
    /// them, in any case, refuses the whole call before anything is sent: the server's own guard there compares the
    /// exact name, so <c>all_users</c> would delete <c>ALL_USERS</c>.
    /// </summary>
    Task DeleteGroupsAsync(IEnumerable<string> groupNames, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>PUT user_group/users</c> with <c>{"group_name": …, "users": […]}</c>: <b>replaces</b> the group's members in one
    /// transaction (an empty list empties it; duplicate names are sent once). The server refuses, changing nothing, an
    /// unknown group (compared with its case) or user, and any update that adds or removes the system administrator
    /// (<c>ADMIN</c>) or the caller's own user (<see cref="UserGroupValidationException"/>); the unified service checks
    /// those before sending. The members of <c>ALL_USERS</c> are refused before anything is sent: the server refuses
    /// to take anyone out of it.
    /// </summary>
    /// <exception cref="UserGroupNotFoundException">The group or a username is unknown; nothing changed.</exception>
    /// <exception cref="UserGroupValidationException">The group is <c>ALL_USERS</c>, or the update touches <c>ADMIN</c> or the caller.</exception>
    Task SetGroupUsersAsync(string groupName, IEnumerable<string> usernames, CancellationToken cancellationToken = default);
}
