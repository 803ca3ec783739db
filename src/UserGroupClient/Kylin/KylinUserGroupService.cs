using System.Runtime.CompilerServices;
using UserGroupClient.Resilience;

namespace UserGroupClient.Kylin;

/// <summary>
/// <see cref="IUserGroupService"/> over Kylin. A group's id is its name. Kylin groups have no comment, no parent and
/// cannot be renamed: those requests throw <see cref="NotSupportedException"/>. Groups come from one
/// <c>groups?project=…</c> call (the configured project), searched and matched here. Member operations first check
/// that the group exists (Kylin would otherwise tag users with a group nobody can list), and add and remove are done
/// as read → merge → replace, because the server can only replace a member list. Requests KAP would carry out on a
/// built-in group without a guard (deleting one, changing the members of <c>ALL_USERS</c>) are refused before anything
/// is sent, a batch delete as a whole. The public summary of all this is on <see cref="KylinClient.AsUserGroupService"/>.
/// </summary>
internal sealed class KylinUserGroupService : IUserGroupService
{
    private const string Dialect = "Kylin";

    private readonly IKylinUserGroupsApi _api;
    private readonly CreateRecovery _createRecovery;

    public KylinUserGroupService(IKylinUserGroupsApi api, CreateRecovery createRecovery)
    {
        _api = api;
        _createRecovery = createRecovery;
        Capabilities = new UserGroupCapabilities
        {
            Dialect = Dialect,
            SupportsRename = false,
            SupportsComment = false,
            SupportsHierarchy = false,
            SupportsSearch = true,
            SupportsParentFilter = false,
            NativeBulkDelete = false,
            NativeAddMembers = false,
            NativeRemoveMembers = false,
            NativeSetMembers = true,
            MaxPageSize = int.MaxValue,
            UniqueNames = true,
            NameComparison = StringComparison.Ordinal,
        };
    }

    public UserGroupCapabilities Capabilities { get; }

    /// <summary>
    /// Lists the groups of one <c>groups</c> call, which returns every name at once (<see cref="UserGroupQuery.PageSize"/>
    /// has nothing to page); <see cref="UserGroupQuery.Search"/> keeps names that contain it, ignoring case.
    /// </summary>
    public async IAsyncEnumerable<UserGroup> ListGroupsAsync(UserGroupQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (query?.ParentId is not null)
        {
            throw NotSupported("groups have no parent group; ParentId is not supported (see Capabilities.SupportsHierarchy)");
        }

        Http.ApiUri.QueryValue(query?.Search, nameof(query));
        foreach (var name in await _api.ListGroupsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (query?.Search is not { Length: > 0 } search || name.Contains(search, StringComparison.OrdinalIgnoreCase))
            {
                yield return ToUserGroup(name);
            }
        }
    }

    public async Task<UserGroup> GetGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        await FindGroupByNameAsync(KylinInput.GroupName(groupId, nameof(groupId)), cancellationToken).ConfigureAwait(false)
        ?? throw new UserGroupNotFoundException($"Kylin: there is no group named '{groupId}'.") { Dialect = Dialect };

    /// <summary>Lists the group names and compares them exactly (Kylin group names are case-sensitive).</summary>
    public async Task<UserGroup?> FindGroupByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        KylinInput.GroupName(name, nameof(name));
        var names = await _api.ListGroupsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return names.Contains(name, StringComparer.Ordinal) ? ToUserGroup(name) : null;
    }

    /// <summary>
    /// Creates the group, then sets its members when <see cref="NewUserGroup.MemberIds"/> (usernames) has any. A create
    /// whose answer is lost is recovered by looking the name up before creating again.
    /// </summary>
    public async Task<UserGroup> CreateGroupAsync(NewUserGroup group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.ParentId is not null)
        {
            throw NotSupported("groups have no parent group; ParentId is not supported (see Capabilities.SupportsHierarchy)");
        }

        if (!string.IsNullOrEmpty(group.Comment))
        {
            throw NotSupported("groups have no comment (see Capabilities.SupportsComment)");
        }

        KylinInput.GroupName(group.Name, nameof(group));
        var members = group.MemberIds is null ? [] : KylinInput.Usernames(group.MemberIds, nameof(group));
        await _createRecovery.CreateUniqueAsync(
            group.Name,
            async ct =>
            {
                await _api.CreateGroupAsync(group.Name, ct).ConfigureAwait(false);
                return ToUserGroup(group.Name);
            },
            ct => FindGroupByNameAsync(group.Name, ct),
            cancellationToken).ConfigureAwait(false);
        if (members.Count > 0)
        {
            await _api.SetGroupUsersAsync(group.Name, members, cancellationToken).ConfigureAwait(false);
        }

        return ToUserGroup(group.Name) with { MemberCount = members.Count };
    }

    /// <summary>
    /// Kylin cannot rename a group (the name is its identity) and groups have no comment or parent, so the only update
    /// that succeeds is one that changes nothing: it checks that the group exists and returns it.
    /// </summary>
    /// <exception cref="NotSupportedException">A new name, a comment or a parent was given.</exception>
    public async Task<UserGroup> UpdateGroupAsync(string groupId, UserGroupUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        KylinInput.GroupName(groupId, nameof(groupId));
        if (update.Name is not null && !string.Equals(update.Name, groupId, StringComparison.Ordinal))
        {
            throw NotSupported("cannot rename a group: its name is its id (see Capabilities.SupportsRename). Create a group with the new name, set its members and delete the old one");
        }

        if (!string.IsNullOrEmpty(update.Comment))
        {
            throw NotSupported("groups have no comment (see Capabilities.SupportsComment)");
        }

        if (update.ParentId is not null)
        {
            throw NotSupported("groups have no parent group; ParentId is not supported (see Capabilities.SupportsHierarchy)");
        }

        return await GetGroupAsync(groupId, cancellationToken).ConfigureAwait(false);
    }

    public Task DeleteGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        _api.DeleteGroupAsync(KylinInput.GroupName(groupId, nameof(groupId)), cancellationToken);

    /// <summary>
    /// Deletes the groups one call each, in order, after checking every name (a built-in group among them refuses the
    /// whole batch); the first failure stops it.
    /// </summary>
    public async Task DeleteGroupsAsync(IEnumerable<string> groupIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupIds);
        var names = groupIds.Select(id => KylinInput.GroupName(id, nameof(groupIds))).Distinct(StringComparer.Ordinal).ToList();
        if (names.Select(KylinBuiltInGroups.RefuseDelete).FirstOrDefault(refused => refused is not null) is { } builtIn)
        {
            throw builtIn;
        }

        foreach (var name in names)
        {
            await _api.DeleteGroupAsync(name, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Streams the group's users page by page; an unknown group is reported, not listed as empty.</summary>
    public async IAsyncEnumerable<GroupMember> ListMembersAsync(string groupId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await GetGroupAsync(groupId, cancellationToken).ConfigureAwait(false);
        await foreach (var user in _api.ListAllGroupMembersAsync(groupId, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return new GroupMember(user.Username, user.Username);
        }
    }

    /// <summary>
    /// Adds users (by username) as Kylin allows it: read every member page, merge the new names after the current
    /// ones, and replace the member list with the result. Nobody who was a member is dropped; when every name is
    /// already a member nothing is written. Not atomic: a change another client makes between the read and the
    /// replace can be lost. An unknown username fails with <see cref="UserGroupNotFoundException"/>, and Kylin may
    /// have added the names before it.
    /// </summary>
    public async Task AddMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default)
    {
        var requested = KylinInput.Usernames(memberIds, nameof(memberIds));
        RefuseMembershipChange(groupId);
        var current = await CurrentMembersAsync(groupId, cancellationToken).ConfigureAwait(false);
        var known = current.ToHashSet(StringComparer.Ordinal);
        var added = requested.Where(known.Add).ToList();
        if (added.Count > 0)
        {
            await _api.SetGroupUsersAsync(groupId, [.. current, .. added], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Removes users (by username) as Kylin allows it: read every member page, drop the given names, and replace the
    /// member list with the rest, so every other member stays. Names that are not members are ignored; when none
    /// is a member nothing is written. Not atomic, like <see cref="AddMembersAsync"/>.
    /// </summary>
    public async Task RemoveMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default)
    {
        var removed = KylinInput.Usernames(memberIds, nameof(memberIds)).ToHashSet(StringComparer.Ordinal);
        RefuseMembershipChange(groupId);
        var current = await CurrentMembersAsync(groupId, cancellationToken).ConfigureAwait(false);
        var kept = current.Where(name => !removed.Contains(name)).ToList();
        if (kept.Count != current.Count)
        {
            await _api.SetGroupUsersAsync(groupId, kept, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Replaces the member list (usernames) in one call, after checking that the group exists.</summary>
    public async Task SetMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default)
    {
        var members = KylinInput.Usernames(memberIds, nameof(memberIds));
        RefuseMembershipChange(groupId);
        await GetGroupAsync(groupId, cancellationToken).ConfigureAwait(false);
        await _api.SetGroupUsersAsync(groupId, members, cancellationToken).ConfigureAwait(false);
    }

    private static UserGroup ToUserGroup(string name) => new(name, name);

    private static void RefuseMembershipChange(string groupId)
    {
        if (KylinBuiltInGroups.RefuseMembershipChange(KylinInput.GroupName(groupId, nameof(groupId))) is { } refused)
        {
            throw refused;
        }
    }

    private static NotSupportedException NotSupported(string what) => new($"Kylin {what}.");

    private async Task<List<string>> CurrentMembersAsync(string groupId, CancellationToken cancellationToken)
    {
        await GetGroupAsync(groupId, cancellationToken).ConfigureAwait(false);
        var members = new List<string>();
        await foreach (var user in _api.ListAllGroupMembersAsync(groupId, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            members.Add(user.Username);
        }

        return members.Distinct(StringComparer.Ordinal).ToList();
    }
}
