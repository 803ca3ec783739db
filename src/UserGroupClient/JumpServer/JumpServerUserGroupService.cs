using System.Runtime.CompilerServices;
using UserGroupClient.Http;
using UserGroupClient.Resilience;

namespace UserGroupClient.JumpServer;

/// <summary>
/// <see cref="IUserGroupService"/> over JumpServer. Groups have no parent (a <c>ParentId</c> is refused with
/// <see cref="NotSupportedException"/>). Adding and removing members go through the relations endpoint one call per
/// change, after reading the group's current members so that existing members are skipped (the server refuses the
/// whole add if one pair exists); setting members is one PATCH. Bulk delete uses the checked <c>spm</c> flow.
/// A create whose answer is lost is recovered by looking the name up before creating again (<see cref="CreateRecovery"/>).
/// </summary>
internal sealed class JumpServerUserGroupService : IUserGroupService
{
    private readonly IJumpServerUserGroupsApi _api;
    private readonly CreateRecovery _createRecovery;

    public JumpServerUserGroupService(IJumpServerUserGroupsApi api, int maxPageSize, CreateRecovery createRecovery)
    {
        _api = api;
        _createRecovery = createRecovery;
        Capabilities = new UserGroupCapabilities
        {
            Dialect = "JumpServer",
            SupportsRename = true,
            SupportsComment = true,
            SupportsHierarchy = false,
            SupportsSearch = true,
            SupportsParentFilter = false,
            NativeBulkDelete = true,
            NativeAddMembers = true,
            NativeRemoveMembers = true,
            NativeSetMembers = true,
            MaxPageSize = maxPageSize,
            UniqueNames = true,
            NameComparison = StringComparison.Ordinal,
        };
    }

    public UserGroupCapabilities Capabilities { get; }

    public IAsyncEnumerable<UserGroup> ListGroupsAsync(UserGroupQuery? query = null, CancellationToken cancellationToken = default)
    {
        if (query?.ParentId is not null)
        {
            throw NoHierarchy();
        }

        var search = ApiUri.QueryValue(query?.Search, nameof(query));
        UserGroupQuery.CheckPageSize(query, nameof(query));
        var groups = _api.ListAllAsync(new JumpServerGroupListOptions { Search = search, Limit = query?.PageSize }, cancellationToken);
        return Map(groups, cancellationToken);
    }

    public async Task<UserGroup> GetGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        ToUserGroup(await _api.GetAsync(groupId, cancellationToken).ConfigureAwait(false));

    public async Task<UserGroup?> FindGroupByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        JumpServerInput.GroupName(name, nameof(name));

        // The server stores names trimmed. Its name filter is exact, but on a MySQL database with a case-insensitive
        // collation it also returns names that differ in case, so equality is checked here.
        var trimmed = name.Trim();
        var page = await _api.ListAsync(new JumpServerGroupListOptions { Name = trimmed, Limit = 100 }, cancellationToken).ConfigureAwait(false);
        var group = page.Results.FirstOrDefault(g => string.Equals(g.Name, trimmed, StringComparison.Ordinal));
        return group is null ? null : ToUserGroup(group);
    }

    public async Task<UserGroup> CreateGroupAsync(NewUserGroup group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.ParentId is not null)
        {
            throw NoHierarchy();
        }

        // Checked before the name is looked up, so bad input sends nothing at all.
        JumpServerInput.GroupName(group.Name, nameof(group));
        var members = group.MemberIds is null ? null : JumpServerInput.UserIds(group.MemberIds, nameof(group));
        var body = new JumpServerUserGroupCreate(group.Name) { Comment = group.Comment, Users = members };
        return await _createRecovery.CreateUniqueAsync(
            group.Name,
            async ct => ToUserGroup(await _api.CreateAsync(body, ct).ConfigureAwait(false)),
            ct => FindGroupByNameAsync(group.Name, ct),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<UserGroup> UpdateGroupAsync(string groupId, UserGroupUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.ParentId is not null)
        {
            throw NoHierarchy();
        }

        if (update.Name is not null)
        {
            JumpServerInput.GroupName(update.Name, nameof(update));
        }

        var patched = await _api.PatchAsync(groupId, new JumpServerUserGroupPatch { Name = update.Name, Comment = update.Comment }, cancellationToken).ConfigureAwait(false);
        return ToUserGroup(patched);
    }

    public Task DeleteGroupAsync(string groupId, CancellationToken cancellationToken = default) => _api.DeleteAsync(groupId, cancellationToken);

    public Task DeleteGroupsAsync(IEnumerable<string> groupIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupIds);
        // Group ids are UUIDs, which the server reads in either case: two spellings of one id are one group.
        var ids = groupIds.Select(id => ApiUri.Id(id, nameof(groupIds))).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return ids.Count switch
        {
            0 => Task.CompletedTask,
            1 => _api.DeleteAsync(ids[0], cancellationToken),
            _ => _api.BulkDeleteAsync(ids, cancellationToken),
        };
    }

    public async IAsyncEnumerable<GroupMember> ListMembersAsync(string groupId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Reading the group first turns an unknown id into a not-found error; the member filter alone would list nobody.
        await _api.GetAsync(groupId, cancellationToken).ConfigureAwait(false);
        await foreach (var user in _api.ListAllMembersAsync(groupId, cancellationToken).ConfigureAwait(false))
        {
            yield return new GroupMember(user.Id, user.Name ?? user.Username) { UserName = user.Username };
        }
    }

    public async Task AddMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default)
    {
        var requested = JumpServerInput.UserIds(memberIds, nameof(memberIds));
        var current = await CurrentMemberIdsAsync(groupId, cancellationToken).ConfigureAwait(false);
        var missing = requested.Where(id => !current.Contains(id)).ToList();

        // The typed API sends nothing for an empty list, so when every user is a member nothing is written.
        await _api.AddUsersAsync(groupId, missing, cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default)
    {
        var requested = JumpServerInput.UserIds(memberIds, nameof(memberIds));
        var current = await CurrentMemberIdsAsync(groupId, cancellationToken).ConfigureAwait(false);
        foreach (var id in requested.Where(current.Contains))
        {
            try
            {
                await _api.RemoveUserAsync(groupId, id, cancellationToken).ConfigureAwait(false);
            }
            catch (UserGroupValidationException)
            {
                // The server refuses a relation delete that matches no row: a resend after a lost answer, or a
                // concurrent removal. Either way, once the user is out of the group, what was asked is done.
                if ((await CurrentMemberIdsAsync(groupId, cancellationToken).ConfigureAwait(false)).Contains(id))
                {
                    throw;
                }
            }
        }
    }

    public Task SetMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default) =>
        _api.SetUsersAsync(groupId, JumpServerInput.UserIds(memberIds, nameof(memberIds)), cancellationToken);

    internal static UserGroup ToUserGroup(JumpServerUserGroup group) => new(group.Id, group.Name)
    {
        Comment = group.Comment,
        MemberCount = group.UsersAmount ?? PeopleIn(group.Users),
        CreatedAt = group.DateCreated,
    };

    // Service accounts are not people; counted by index, as LINQ over the interface would box an enumerator per group.
    private static int? PeopleIn(IReadOnlyList<JumpServerUserReference>? users)
    {
        if (users is null)
        {
            return null;
        }

        var people = 0;
        for (var i = 0; i < users.Count; i++)
        {
            if (users[i].IsServiceAccount != true)
            {
                people++;
            }
        }

        return people;
    }

    private static NotSupportedException NoHierarchy() =>
        new("JumpServer user groups have no parent group; ParentId is not supported (see Capabilities.SupportsHierarchy).");

    private static async IAsyncEnumerable<UserGroup> Map(IAsyncEnumerable<JumpServerUserGroup> groups, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var group in groups.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return ToUserGroup(group);
        }
    }

    private async Task<HashSet<string>> CurrentMemberIdsAsync(string groupId, CancellationToken cancellationToken)
    {
        // The group detail lists every member (ids in v2, objects from v3), so one GET gives the whole set.
        var group = await _api.GetAsync(groupId, cancellationToken).ConfigureAwait(false);
        return (group.Users ?? []).Select(u => u.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
