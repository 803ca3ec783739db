using System.Runtime.CompilerServices;
using UserGroupClient.Resilience;

namespace UserGroupClient.Kylin;

/// <summary>
/// <see cref="IUserGroupService"/> over Kylin, on every flavor: the flavor's API through <see cref="IKylinServiceWire"/>
/// (<see cref="KylinFlavorResolver"/>, which detects the flavor first when it is not configured). A group's id is its
/// name. Kylin groups have no comment, no parent and cannot be renamed: those requests throw
/// <see cref="NotSupportedException"/>. Member operations first check that the group exists (Kylin would otherwise tag
/// users with a group nobody can list, or say nothing), and add and remove are done as read → merge → replace, because
/// no flavor can add or remove single members. Requests a server would carry out on a built-in group to its users'
/// harm, or would silently undo (deleting one, changing the members of <c>ALL_USERS</c>), are refused before anything
/// is sent, a batch delete as a whole, and so are the member changes Kylin 5 and Kyligence Enterprise 4.x refuse (the
/// system administrator's, the caller's own). The public summary of all this is on <see cref="KylinClient.AsUserGroupService"/>.
/// </summary>
internal sealed class KylinUserGroupService : IUserGroupService
{
    private const string Dialect = "Kylin";

    /// <summary>The system administrator whose memberships Kylin 5 and Kyligence Enterprise 4.x never let change.</summary>
    private const string SystemAdministrator = "ADMIN";

    private readonly KylinFlavorResolver _flavors;
    private readonly CreateRecovery _createRecovery;
    private readonly KylinCaller _caller;

    public KylinUserGroupService(KylinFlavorResolver flavors, CreateRecovery createRecovery, KylinCaller caller)
    {
        _flavors = flavors;
        _createRecovery = createRecovery;
        _caller = caller;
    }

    public UserGroupCapabilities Capabilities => _flavors.Capabilities;

    /// <summary>
    /// Lists the groups (every name at once on KAP, page by page elsewhere; <see cref="UserGroupQuery.PageSize"/> does not
    /// change what is listed); <see cref="UserGroupQuery.Search"/> keeps names that contain it, ignoring case.
    /// </summary>
    public async IAsyncEnumerable<UserGroup> ListGroupsAsync(UserGroupQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (query?.ParentId is not null)
        {
            throw NotSupported("groups have no parent group; ParentId is not supported (see Capabilities.SupportsHierarchy)");
        }

        var search = Http.ApiUri.QueryValue(query?.Search, nameof(query));

        // The page size does not change what is listed here, but is still checked like everywhere else.
        UserGroupQuery.CheckPageSize(query, nameof(query));
        var server = await _flavors.ResolveAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var name in server.Wire.ListGroupNamesAsync(search, cancellationToken).ConfigureAwait(false))
        {
            if (search is null || name.Contains(search, StringComparison.OrdinalIgnoreCase))
            {
                yield return ToUserGroup(name);
            }
        }
    }

    public async Task<UserGroup> GetGroupAsync(string groupId, CancellationToken cancellationToken = default)
    {
        Http.ApiUri.Id(groupId, nameof(groupId));
        var server = await _flavors.ResolveAsync(cancellationToken).ConfigureAwait(false);
        return await RequireAsync(server, groupId, nameof(groupId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Looks the exact name up (ordinal), whatever the flavor's name comparison.</summary>
    public async Task<UserGroup?> FindGroupByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        Http.ApiUri.Id(name, nameof(name));
        var server = await _flavors.ResolveAsync(cancellationToken).ConfigureAwait(false);
        return await FindAsync(server, server.Wire.GroupName(name, nameof(name)), cancellationToken).ConfigureAwait(false);
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

        Http.ApiUri.Id(group.Name, nameof(group));
        var members = group.MemberIds is null ? [] : KylinInput.Usernames(group.MemberIds, nameof(group));
        var server = await _flavors.ResolveAsync(cancellationToken).ConfigureAwait(false);
        var name = server.Wire.NewGroupName(group.Name, nameof(group));
        await RefuseMembershipChangeAsync(server, name, [], members, nameof(group)).ConfigureAwait(false);

        await _createRecovery.CreateUniqueAsync(
            name,
            async ct =>
            {
                await server.Wire.CreateGroupAsync(name, ct).ConfigureAwait(false);
                return ToUserGroup(name);
            },
            ct => FindAsync(server, name, ct),
            cancellationToken).ConfigureAwait(false);
        if (members.Count > 0)
        {
            await server.Wire.SetMembersAsync(name, members, cancellationToken).ConfigureAwait(false);
        }

        return ToUserGroup(name) with { MemberCount = members.Count };
    }

    /// <summary>
    /// Kylin cannot rename a group (the name is its identity) and groups have no comment or parent, so the only update
    /// that succeeds is one that changes nothing: it checks that the group exists and returns it.
    /// </summary>
    /// <exception cref="NotSupportedException">A new name, a comment or a parent was given.</exception>
    public async Task<UserGroup> UpdateGroupAsync(string groupId, UserGroupUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        Http.ApiUri.Id(groupId, nameof(groupId));
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

    public async Task DeleteGroupAsync(string groupId, CancellationToken cancellationToken = default)
    {
        Http.ApiUri.Id(groupId, nameof(groupId));
        RefuseBuiltInDelete([groupId]);
        var server = await _flavors.ResolveAsync(cancellationToken).ConfigureAwait(false);
        await server.Wire.DeleteGroupAsync(server.Wire.GroupName(groupId, nameof(groupId)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the groups one call each, in order, after checking every name (a built-in group among them refuses the
    /// whole batch); the first failure stops it. Names the flavor finds as one group (on Kylin 5 and KE 4, ignoring
    /// case) are deleted once.
    /// </summary>
    public async Task DeleteGroupsAsync(IEnumerable<string> groupIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupIds);
        var ids = groupIds.Select(id => Http.ApiUri.Id(id, nameof(groupIds))).ToList();
        RefuseBuiltInDelete(ids);
        var server = await _flavors.ResolveAsync(cancellationToken).ConfigureAwait(false);
        // Twice the same group, by the flavor's name comparison, is deleted once: on Kylin 5 and KE 4, which find a name
        // ignoring case, a second spelling would otherwise fail as not found after the first had deleted the group.
        var sameGroup = StringComparer.FromComparison(KylinFlavors.Capabilities(server.Flavor).NameComparison);
        var names = ids.Select(id => server.Wire.GroupName(id, nameof(groupIds))).Distinct(sameGroup).ToList();

        foreach (var name in names)
        {
            await server.Wire.DeleteGroupAsync(name, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Streams the group's users; an unknown group is reported, not listed as empty.</summary>
    public async IAsyncEnumerable<GroupMember> ListMembersAsync(string groupId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var server = await ExistingAsync(groupId, cancellationToken).ConfigureAwait(false);
        await foreach (var username in server.Wire.ListMemberNamesAsync(groupId, cancellationToken).ConfigureAwait(false))
        {
            yield return new GroupMember(username, username) { UserName = username };
        }
    }

    /// <summary>
    /// Adds users (by username) as Kylin allows it: read every member page, merge the new names after the current
    /// ones, and replace the member list with the result. Nobody who was a member is dropped; when every name is
    /// already a member nothing is written. Not atomic: a change another client makes between the read and the
    /// replace can be lost.
    /// </summary>
    public async Task AddMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default)
    {
        var requested = KylinInput.Usernames(memberIds, nameof(memberIds));
        var (server, current) = await CurrentMembersAsync(groupId, cancellationToken).ConfigureAwait(false);
        var known = current.ToHashSet(StringComparer.Ordinal);
        var added = requested.Where(known.Add).ToList();
        if (added.Count > 0)
        {
            List<string> next = [.. current, .. added];
            await RefuseMembershipChangeAsync(server, groupId, current, next, nameof(memberIds)).ConfigureAwait(false);
            await server.Wire.SetMembersAsync(groupId, next, cancellationToken).ConfigureAwait(false);
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
        var (server, current) = await CurrentMembersAsync(groupId, cancellationToken).ConfigureAwait(false);
        var kept = current.Where(name => !removed.Contains(name)).ToList();
        if (kept.Count != current.Count)
        {
            await RefuseMembershipChangeAsync(server, groupId, current, kept, nameof(memberIds)).ConfigureAwait(false);
            await server.Wire.SetMembersAsync(groupId, kept, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Replaces the member list (usernames) in one call, after checking that the group exists; on Kylin 5 and
    /// Kyligence Enterprise 4.x the current members are read first, to refuse a change the server would refuse.
    /// </summary>
    public async Task SetMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default)
    {
        var members = KylinInput.Usernames(memberIds, nameof(memberIds));
        var server = await ChangeableAsync(groupId, cancellationToken).ConfigureAwait(false);
        if (server.Wire.Shape == KylinWireShape.OpenV4)
        {
            var current = await ReadMembersAsync(server, groupId, cancellationToken).ConfigureAwait(false);
            await RefuseMembershipChangeAsync(server, groupId, current, members, nameof(memberIds)).ConfigureAwait(false);
        }

        await server.Wire.SetMembersAsync(groupId, members, cancellationToken).ConfigureAwait(false);
    }

    private static UserGroup ToUserGroup(string name) => new(name, name);

    private static NotSupportedException NotSupported(string what) => new($"Kylin {what}.");

    private static void RefuseBuiltInMembershipChange(KylinServer server, string groupId)
    {
        if (KylinBuiltInGroups.RefuseMembershipChange(groupId, server.Wire.Shape) is { } refused)
        {
            throw refused;
        }
    }

    // A built-in group is one in any case on every flavor, so it is refused before the flavor is detected.
    private void RefuseBuiltInDelete(IEnumerable<string> names)
    {
        if (names.Select(name => KylinBuiltInGroups.RefuseDelete(name, _flavors.KnownShape)).FirstOrDefault(refused => refused is not null) is { } builtIn)
        {
            throw builtIn;
        }
    }

    // The exact name ALL_USERS is refused by every flavor, so before the flavor is detected; other spellings after it.
    private void RefuseAllUsersMembershipChange(string groupId)
    {
        if (KylinBuiltInGroups.RefuseMembershipChange(groupId, _flavors.KnownShape) is { } refused)
        {
            throw refused;
        }
    }

    private static async Task<List<string>> ReadMembersAsync(KylinServer server, string groupId, CancellationToken cancellationToken)
    {
        var members = new List<string>();
        await foreach (var username in server.Wire.ListMemberNamesAsync(groupId, cancellationToken).ConfigureAwait(false))
        {
            members.Add(username);
        }

        return members.Distinct(StringComparer.Ordinal).ToList();
    }

    private static async Task<UserGroup?> FindAsync(KylinServer server, string name, CancellationToken cancellationToken) =>
        await server.Wire.ExistsAsync(name, cancellationToken).ConfigureAwait(false) ? ToUserGroup(name) : null;

    private static async Task<UserGroup> RequireAsync(KylinServer server, string groupId, string parameterName, CancellationToken cancellationToken) =>
        await FindAsync(server, server.Wire.GroupName(groupId, parameterName), cancellationToken).ConfigureAwait(false)
        ?? throw new UserGroupNotFoundException($"Kylin: there is no group named '{groupId}'.") { Dialect = Dialect };

    private async Task<KylinServer> ExistingAsync(string groupId, CancellationToken cancellationToken)
    {
        Http.ApiUri.Id(groupId, nameof(groupId));
        var server = await _flavors.ResolveAsync(cancellationToken).ConfigureAwait(false);
        await RequireAsync(server, groupId, nameof(groupId), cancellationToken).ConfigureAwait(false);
        return server;
    }

    // A change to the members of ALL_USERS is refused before the group is looked up: in any case on Kylin 5 and
    // Kyligence Enterprise 4.x, where no other spelling of it can exist.
    private async Task<KylinServer> ChangeableAsync(string groupId, CancellationToken cancellationToken)
    {
        Http.ApiUri.Id(groupId, nameof(groupId));
        RefuseAllUsersMembershipChange(groupId);
        var server = await _flavors.ResolveAsync(cancellationToken).ConfigureAwait(false);
        RefuseBuiltInMembershipChange(server, groupId);
        await RequireAsync(server, groupId, nameof(groupId), cancellationToken).ConfigureAwait(false);
        return server;
    }

    private async Task<(KylinServer Server, List<string> Current)> CurrentMembersAsync(string groupId, CancellationToken cancellationToken)
    {
        var server = await ChangeableAsync(groupId, cancellationToken).ConfigureAwait(false);
        return (server, await ReadMembersAsync(server, groupId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Refuses, on Kylin 5 and Kyligence Enterprise 4.x, a member change the server would refuse whole: one that adds
    /// or removes the system administrator <c>ADMIN</c>, or the caller's own user (both compared ignoring case, as the
    /// server resolves usernames).
    /// </summary>
    /// <exception cref="ArgumentException">The change touches <c>ADMIN</c> or the caller; nothing was sent.</exception>
    private async Task RefuseMembershipChangeAsync(KylinServer server, string groupId, IReadOnlyCollection<string> current, IReadOnlyCollection<string> next, string parameterName)
    {
        if (server.Wire.Shape != KylinWireShape.OpenV4)
        {
            return;
        }

        var changed = next.Except(current, StringComparer.Ordinal).Select(name => (Name: name, Change: "add"))
            .Concat(current.Except(next, StringComparer.Ordinal).Select(name => (Name: name, Change: "remove")))
            .ToList();
        var flavor = KylinFlavors.Describe(server.Flavor);
        if (changed.FirstOrDefault(c => string.Equals(c.Name, SystemAdministrator, StringComparison.OrdinalIgnoreCase)) is { Name: not null } admin)
        {
            throw new ArgumentException(
                $"Kylin: the change would {admin.Change} '{admin.Name}' in '{groupId}', and {flavor} refuses every member change that adds or removes the system administrator {SystemAdministrator} (the whole change, as one transaction). Leave {SystemAdministrator}'s membership as it is. Nothing was sent.",
                parameterName);
        }

        if (await _caller.UserNameAsync().ConfigureAwait(false) is { } caller
            && changed.FirstOrDefault(c => string.Equals(c.Name, caller, StringComparison.OrdinalIgnoreCase)) is { Name: not null } self)
        {
            throw new ArgumentException(
                $"Kylin: the change would {self.Change} '{self.Name}' in '{groupId}', the user this client signs in as, and {flavor} refuses every member change that touches the caller's own memberships (the whole change, as one transaction). Sign in as another administrator to change them. Nothing was sent.",
                parameterName);
        }
    }
}
