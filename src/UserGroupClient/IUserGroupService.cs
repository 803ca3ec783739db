namespace UserGroupClient;

/// <summary>
/// The unified user-group API that every dialect (JumpServer, MinApp, Kylin, Owl) implements.
/// Ids are strings on every dialect; what a dialect cannot do natively is either emulated (and documented
/// on the dialect's implementation) or refused with <see cref="NotSupportedException"/>, as <see cref="Capabilities"/> tells in advance.
/// </summary>
public interface IUserGroupService
{
    /// <summary>What this backend supports natively, emulates, or refuses.</summary>
    UserGroupCapabilities Capabilities { get; }

    /// <summary>Streams the groups page by page; only one page is held in memory at a time.</summary>
    /// <param name="query">Optional search text, parent filter and page size.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    IAsyncEnumerable<UserGroup> ListGroupsAsync(UserGroupQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one group.</summary>
    /// <exception cref="UserGroupNotFoundException">No group has this id.</exception>
    Task<UserGroup> GetGroupAsync(string groupId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds a group by its exact name: compared ordinally (case-sensitive) on every dialect. A server whose names are
    /// unique ignoring case (<see cref="UserGroupCapabilities.NameComparison"/>) may still refuse to create a name that
    /// this returns <see langword="null"/> for. On JumpServer, which stores every name trimmed (so that creating
    /// <c>" ops "</c> makes <c>ops</c>), the name is trimmed first, as the server trims its own name filter.
    /// </summary>
    /// <returns>The group, or <see langword="null"/> when no group has this name.</returns>
    Task<UserGroup?> FindGroupByNameAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Creates a group, with its initial members when <see cref="NewUserGroup.MemberIds"/> is set.</summary>
    /// <remarks>
    /// A create is never sent twice blindly. With retries on (<see cref="Resilience.UserGroupResilienceOptions"/>), the
    /// groups that already carry the name are looked up first (one more request, or on MinApp, which has no name
    /// filter, one per 1000 groups). When the create's answer is lost (no answer, a timeout, a 5xx the dialect cannot
    /// read as a business error), the name is looked up again: the one group of that name that was not there before is
    /// returned; when none appeared the create is sent again; when several appeared, none is taken and the failure is
    /// raised saying so. A business error (conflict, validation, permission) is raised at once and never retried.
    /// One case cannot be told apart: another client creating the same name while this create's answer is lost.
    /// </remarks>
    /// <exception cref="UserGroupConflictException">
    /// A group with this name exists on a dialect whose names are unique (<see cref="UserGroupCapabilities.UniqueNames"/>);
    /// the existing group is left exactly as it was.
    /// </exception>
    Task<UserGroup> CreateGroupAsync(NewUserGroup group, CancellationToken cancellationToken = default);

    /// <summary>Changes the properties that are set in <paramref name="update"/>; the others keep their values.</summary>
    Task<UserGroup> UpdateGroupAsync(string groupId, UserGroupUpdate update, CancellationToken cancellationToken = default);

    /// <summary>Deletes one group.</summary>
    /// <exception cref="UserGroupNotFoundException">No group has this id.</exception>
    Task DeleteGroupAsync(string groupId, CancellationToken cancellationToken = default);

    /// <summary>Deletes several groups; an id given more than once is deleted once.</summary>
    Task DeleteGroupsAsync(IEnumerable<string> groupIds, CancellationToken cancellationToken = default);

    /// <summary>Streams the members of a group page by page.</summary>
    IAsyncEnumerable<GroupMember> ListMembersAsync(string groupId, CancellationToken cancellationToken = default);

    /// <summary>Adds members to a group; members that are already in it are left as they are, and an id given more than once counts once.</summary>
    Task AddMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default);

    /// <summary>Removes members from a group; ids that are not members are ignored, and an id given more than once counts once.</summary>
    Task RemoveMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default);

    /// <summary>Makes <paramref name="memberIds"/> the exact member list of the group; an id given more than once counts once.</summary>
    Task SetMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default);
}
