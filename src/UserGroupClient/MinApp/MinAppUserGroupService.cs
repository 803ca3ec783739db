using System.Globalization;
using System.Runtime.CompilerServices;
using UserGroupClient.Resilience;

namespace UserGroupClient.MinApp;

/// <summary>
/// <see cref="IUserGroupService"/> over MinApp. Ids are the decimal strings of MinApp's integer ids; a group's
/// <c>ParentId</c> is its supergroup (组集), and <see cref="UserGroupQuery.ParentId"/> filters by it natively.
/// Groups have no comment: a <c>Comment</c> is refused with <see cref="NotSupportedException"/>. MinApp has no name
/// filter, so <see cref="UserGroupQuery.Search"/> and <see cref="FindGroupByNameAsync"/> page through the groups and
/// match names on the client. Member ids are the users' <c>user_id</c>s; add and remove are one membership PATCH each;
/// set reads the current members and sends one PATCH with the needed additions and removals. Bulk delete is the
/// native <c>?id__in=</c> delete, which ignores ids that do not exist.
/// </summary>
internal sealed class MinAppUserGroupService : IUserGroupService
{
    private readonly IMinAppUserGroupsApi _groups;
    private readonly IMinAppMembershipApi _membership;
    private readonly CreateRecovery _createRecovery;

    public MinAppUserGroupService(IMinAppUserGroupsApi groups, IMinAppMembershipApi membership, CreateRecovery createRecovery)
    {
        _createRecovery = createRecovery;
        _groups = groups;
        _membership = membership;
        Capabilities = new UserGroupCapabilities
        {
            Dialect = "MinApp",
            SupportsRename = true,
            SupportsComment = false,
            SupportsHierarchy = true,
            SupportsSearch = true,
            SupportsParentFilter = true,
            NativeBulkDelete = true,
            NativeAddMembers = true,
            NativeRemoveMembers = true,
            NativeSetMembers = false,
            MaxPageSize = MinAppClientOptions.MaxPageSize,
            UniqueNames = false,
            NameComparison = StringComparison.Ordinal,
        };
    }

    public UserGroupCapabilities Capabilities { get; }

    public IAsyncEnumerable<UserGroup> ListGroupsAsync(UserGroupQuery? query = null, CancellationToken cancellationToken = default)
    {
        var search = Http.ApiUri.QueryValue(query?.Search, nameof(query));
        UserGroupQuery.CheckPageSize(query, nameof(query));
        var options = new MinAppUserGroupListOptions
        {
            ParentId = query?.ParentId is { } parent ? MinAppInput.Id(parent, nameof(query)) : null,

            // A search reads every group to match on the client: the largest pages make the fewest requests.
            Limit = query?.PageSize ?? (search is null ? null : MinAppClientOptions.MaxPageSize),
        };
        return Filter(_groups.ListAllAsync(options, cancellationToken), search, cancellationToken);
    }

    public async Task<UserGroup> GetGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        ToUserGroup(await _groups.GetAsync(MinAppInput.Id(groupId, nameof(groupId)), cancellationToken).ConfigureAwait(false));

    public async Task<UserGroup?> FindGroupByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        MinAppInput.Name(name, nameof(name));
        await foreach (var group in _groups.ListAllAsync(new MinAppUserGroupListOptions { Limit = MinAppClientOptions.MaxPageSize }, cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(group.Name, name, StringComparison.Ordinal))
            {
                return ToUserGroup(group);
            }
        }

        return null;
    }

    public async Task<UserGroup> CreateGroupAsync(NewUserGroup group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        RefuseComment(group.Comment);
        var parent = group.ParentId is null ? (long?)null : MinAppInput.Id(group.ParentId, nameof(group));
        var members = group.MemberIds is null ? [] : MinAppInput.Ids(group.MemberIds, nameof(group));
        MinAppInput.Name(group.Name, nameof(group));
        var created = await _createRecovery.CreateAsync(
            group.Name,
            async ct => ToUserGroup(await _groups.CreateAsync(new MinAppUserGroupCreate(group.Name) { ParentId = parent }, ct).ConfigureAwait(false)),
            ct => NamedAsync(group.Name, parent, ct),
            cancellationToken).ConfigureAwait(false);
        if (members.Count == 0)
        {
            return created;
        }

        // Create takes no members; they join with one PATCH, and the group is read again for its member count.
        var id = MinAppInput.Id(created.Id, nameof(group));
        await _membership.AddAsync(members, [id], cancellationToken).ConfigureAwait(false);
        return ToUserGroup(await _groups.GetAsync(id, cancellationToken).ConfigureAwait(false));
    }

    public async Task<UserGroup> UpdateGroupAsync(string groupId, UserGroupUpdate update, CancellationToken cancellationToken = default)
    {
        var id = MinAppInput.Id(groupId, nameof(groupId));
        ArgumentNullException.ThrowIfNull(update);
        RefuseComment(update.Comment);
        var parent = update.ParentId is null ? (long?)null : MinAppInput.Id(update.ParentId, nameof(update));

        // PUT needs the name; when only the parent changes, the current name is read first.
        var name = update.Name is null ? (await _groups.GetAsync(id, cancellationToken).ConfigureAwait(false)).Name : MinAppInput.Name(update.Name, nameof(update));
        var updated = await _groups.UpdateAsync(id, new MinAppUserGroupUpdate(name) { ParentId = parent }, cancellationToken).ConfigureAwait(false);
        return ToUserGroup(updated);
    }

    public Task DeleteGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        _groups.DeleteAsync(MinAppInput.Id(groupId, nameof(groupId)), cancellationToken);

    public Task DeleteGroupsAsync(IEnumerable<string> groupIds, CancellationToken cancellationToken = default) =>
        _groups.BulkDeleteAsync(MinAppInput.Ids(groupIds, nameof(groupIds)), cancellationToken);

    public async IAsyncEnumerable<GroupMember> ListMembersAsync(string groupId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var id = MinAppInput.Id(groupId, nameof(groupId));

        // Reading the group first turns an unknown id into a not-found error; the profile filter alone would list nobody.
        await _groups.GetAsync(id, cancellationToken).ConfigureAwait(false);
        await foreach (var user in _membership.ListAllUsersAsync([id], cancellationToken).ConfigureAwait(false))
        {
            yield return ToMember(user);
        }
    }

    public Task AddMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default)
    {
        var id = MinAppInput.Id(groupId, nameof(groupId));
        var users = MinAppInput.Ids(memberIds, nameof(memberIds));
        return users.Count == 0 ? Task.CompletedTask : _membership.AddAsync(users, [id], cancellationToken);
    }

    public Task RemoveMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default)
    {
        var id = MinAppInput.Id(groupId, nameof(groupId));
        var users = MinAppInput.Ids(memberIds, nameof(memberIds));
        return users.Count == 0 ? Task.CompletedTask : _membership.RemoveAsync(users, [id], cancellationToken);
    }

    public async Task SetMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default)
    {
        var id = MinAppInput.Id(groupId, nameof(groupId));
        var wanted = MinAppInput.Ids(memberIds, nameof(memberIds));
        await _groups.GetAsync(id, cancellationToken).ConfigureAwait(false);
        var current = new HashSet<long>();
        await foreach (var user in _membership.ListAllUsersAsync([id], cancellationToken).ConfigureAwait(false))
        {
            if (user.UserId is { } userId)
            {
                current.Add(userId);
            }
        }

        var operations = new List<MinAppMembershipOperation>();
        var add = wanted.Where(user => !current.Contains(user)).ToList();
        var remove = current.Where(user => !wanted.Contains(user)).ToList();
        if (add.Count > 0)
        {
            operations.Add(new MinAppMembershipOperation(MinAppMembershipAction.Add, add, [id]));
        }

        if (remove.Count > 0)
        {
            operations.Add(new MinAppMembershipOperation(MinAppMembershipAction.Remove, remove, [id]));
        }

        await _membership.PatchAsync(operations, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every group named exactly <paramref name="name"/> under <paramref name="parent"/> (the server filters by parent, not by name).</summary>
    private async Task<IReadOnlyCollection<UserGroup>> NamedAsync(string name, long? parent, CancellationToken cancellationToken)
    {
        var named = new List<UserGroup>();
        var options = new MinAppUserGroupListOptions { ParentId = parent, Limit = MinAppClientOptions.MaxPageSize };
        await foreach (var group in _groups.ListAllAsync(options, cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(group.Name, name, StringComparison.Ordinal) && group.Parent?.Id == parent)
            {
                named.Add(ToUserGroup(group));
            }
        }

        return named;
    }

    internal static UserGroup ToUserGroup(MinAppUserGroup group) => new(group.Id.ToString(CultureInfo.InvariantCulture), group.Name)
    {
        ParentId = group.Parent?.Id.ToString(CultureInfo.InvariantCulture),
        MemberCount = group.Members,
    };

    private static GroupMember ToMember(MinAppUserProfile user) =>
        new((user.UserId ?? user.Id).ToString(CultureInfo.InvariantCulture), user.Nickname);

    private static void RefuseComment(string? comment)
    {
        if (comment is not null)
        {
            throw new NotSupportedException("MinApp user groups have no comment; Comment is not supported (see Capabilities.SupportsComment).");
        }
    }

    private static async IAsyncEnumerable<UserGroup> Filter(IAsyncEnumerable<MinAppUserGroup> groups, string? search, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var group in groups.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (search is null || group.Name.Contains(search, StringComparison.OrdinalIgnoreCase))
            {
                yield return ToUserGroup(group);
            }
        }
    }
}
