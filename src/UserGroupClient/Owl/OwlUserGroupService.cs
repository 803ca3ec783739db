using System.Globalization;
using System.Runtime.CompilerServices;
using UserGroupClient.Resilience;

namespace UserGroupClient.Owl;

/// <summary>
/// <see cref="IUserGroupService"/> over Owl user groups; the members are users (numeric ids as strings). Owl has no
/// endpoint that reads one group, adds or removes a member: a group is found in the list (which carries its users),
/// and every membership change reads the group, changes its user list and replaces it with <c>POST /api/v1/usergroups</c>,
/// keeping every user it was not asked to remove. The read and the replace are two calls, so a change made by someone
/// else in between is overwritten. Owl v4 ignores renames of user groups, so a new name is refused with
/// <see cref="NotSupportedException"/>, as are comments and parents; lists are not paged by the server.
/// </summary>
internal sealed class OwlUserGroupService : IUserGroupService
{
    private const string Name = "Owl user groups";

    private readonly IOwlUserGroupsApi _api;
    private readonly CreateRecovery _createRecovery;

    public OwlUserGroupService(IOwlUserGroupsApi api, CreateRecovery createRecovery)
    {
        _api = api;
        _createRecovery = createRecovery;
        Capabilities = new UserGroupCapabilities
        {
            Dialect = Name,
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
        };
    }

    public UserGroupCapabilities Capabilities { get; }

    public async IAsyncEnumerable<UserGroup> ListGroupsAsync(UserGroupQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        OwlFacade.RefuseParent(query?.ParentId, Name);
        var search = Http.ApiUri.QueryValue(query?.Search, nameof(query));
        foreach (var group in await _api.ListAsync(search, cancellationToken).ConfigureAwait(false))
        {
            yield return ToUserGroup(group);
        }
    }

    public async Task<UserGroup> GetGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        ToUserGroup(await ReadAsync(OwlInput.ParseId(groupId, nameof(groupId)), cancellationToken).ConfigureAwait(false));

    public async Task<UserGroup?> FindGroupByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        OwlInput.Name(name, nameof(name));
        var matches = await _api.ListAsync(name, cancellationToken).ConfigureAwait(false);

        // q is a substring match and Owl's collation ignores case, so equality is checked here the way the server compares names.
        var group = matches.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase));
        return group is null ? null : ToUserGroup(group);
    }

    public async Task<UserGroup> CreateGroupAsync(NewUserGroup group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        OwlFacade.RefuseParent(group.ParentId, Name);
        OwlFacade.RefuseComment(group.Comment, Name);
        OwlInput.Name(group.Name, nameof(group));
        var users = group.MemberIds is null ? null : OwlInput.ParseIds(group.MemberIds, nameof(group));
        return await _createRecovery.CreateAsync(
            async ct => ToUserGroup(await _api.CreateAsync(group.Name, users, ct).ConfigureAwait(false)),
            ct => FindGroupByNameAsync(group.Name, ct),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<UserGroup> UpdateGroupAsync(string groupId, UserGroupUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var id = OwlInput.ParseId(groupId, nameof(groupId));
        OwlFacade.RefuseParent(update.ParentId, Name);
        OwlFacade.RefuseComment(update.Comment, Name);
        var current = await ReadAsync(id, cancellationToken).ConfigureAwait(false);
        if (update.Name is not null && !string.Equals(update.Name, current.Name, StringComparison.Ordinal))
        {
            throw new NotSupportedException($"{Name} cannot be renamed: Owl v4 keeps the stored name (see Capabilities.SupportsRename).");
        }

        return ToUserGroup(current);
    }

    public Task DeleteGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        _api.DeleteAsync(OwlInput.ParseId(groupId, nameof(groupId)), cancellationToken);

    public async Task DeleteGroupsAsync(IEnumerable<string> groupIds, CancellationToken cancellationToken = default)
    {
        foreach (var id in OwlInput.ParseIds(groupIds, nameof(groupIds)))
        {
            await _api.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        }
    }

    public async IAsyncEnumerable<GroupMember> ListMembersAsync(string groupId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var group = await ReadAsync(OwlInput.ParseId(groupId, nameof(groupId)), cancellationToken).ConfigureAwait(false);
        foreach (var user in group.Users ?? [])
        {
            yield return new GroupMember(user.Id.ToString(CultureInfo.InvariantCulture), user.Username);
        }
    }

    public async Task AddMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default)
    {
        var id = OwlInput.ParseId(groupId, nameof(groupId));
        var requested = OwlInput.ParseIds(memberIds, nameof(memberIds));
        var group = await ReadAsync(id, cancellationToken).ConfigureAwait(false);
        var current = UserIds(group);
        var missing = requested.Where(user => !current.Contains(user)).ToList();
        if (missing.Count > 0)
        {
            await ReplaceAsync(group, [.. current, .. missing], cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task RemoveMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default)
    {
        var id = OwlInput.ParseId(groupId, nameof(groupId));
        var removed = OwlInput.ParseIds(memberIds, nameof(memberIds)).ToHashSet();
        var group = await ReadAsync(id, cancellationToken).ConfigureAwait(false);
        var current = UserIds(group);
        var kept = current.Where(user => !removed.Contains(user)).ToList();
        if (kept.Count < current.Count)
        {
            await ReplaceAsync(group, kept, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task SetMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default)
    {
        var id = OwlInput.ParseId(groupId, nameof(groupId));
        var users = OwlInput.ParseIds(memberIds, nameof(memberIds));
        var group = await ReadAsync(id, cancellationToken).ConfigureAwait(false);
        await ReplaceAsync(group, users, cancellationToken).ConfigureAwait(false);
    }

    private static UserGroup ToUserGroup(OwlUserGroup group) =>
        new(group.Id.ToString(CultureInfo.InvariantCulture), group.Name) { MemberCount = group.Users?.Count };

    private static List<int> UserIds(OwlUserGroup group) => (group.Users ?? []).Select(u => u.Id).ToList();

    private async Task ReplaceAsync(OwlUserGroup group, List<int> userIds, CancellationToken cancellationToken) =>
        await _api.UpdateAsync([new OwlUserGroupUpdate(group.Id, group.Name, userIds)], cancellationToken).ConfigureAwait(false);

    private async Task<OwlUserGroup> ReadAsync(int id, CancellationToken cancellationToken)
    {
        var groups = await _api.ListAsync(null, cancellationToken).ConfigureAwait(false);
        return groups.FirstOrDefault(g => g.Id == id) ?? throw OwlFacade.NotFound(Name, id);
    }
}
