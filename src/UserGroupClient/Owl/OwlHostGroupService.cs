using System.Globalization;
using System.Runtime.CompilerServices;
using UserGroupClient.Resilience;

namespace UserGroupClient.Owl;

/// <summary>
/// <see cref="IUserGroupService"/> over Owl host groups; the members are hosts (string ids). Owl has no endpoint that
/// reads one group, adds or removes a member: a group is found in the list, and every membership change reads the
/// group's hosts, changes the list and replaces it with <c>POST /api/v1/groups</c>, keeping every host it was not asked
/// to remove. The read and the replace are two calls, so a change made by someone else in between is overwritten.
/// Groups have no comment and no parent (refused with <see cref="NotSupportedException"/>); lists are not paged by
/// the server. Deleting a group that still holds hosts raises <see cref="UserGroupNotEmptyException"/>.
/// </summary>
internal sealed class OwlHostGroupService : IUserGroupService
{
    private const string Name = "Owl host groups";

    private readonly IOwlHostGroupsApi _api;
    private readonly CreateRecovery _createRecovery;

    public OwlHostGroupService(IOwlHostGroupsApi api, CreateRecovery createRecovery)
    {
        _api = api;
        _createRecovery = createRecovery;
        Capabilities = new UserGroupCapabilities
        {
            Dialect = Name,
            SupportsRename = true,
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
        var hosts = group.MemberIds is null ? null : OwlInput.HostIds(group.MemberIds, nameof(group));
        return await _createRecovery.CreateAsync(
            async ct => ToUserGroup(await _api.CreateAsync(group.Name, hosts, ct).ConfigureAwait(false)),
            ct => FindGroupByNameAsync(group.Name, ct),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<UserGroup> UpdateGroupAsync(string groupId, UserGroupUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var id = OwlInput.ParseId(groupId, nameof(groupId));
        OwlFacade.RefuseParent(update.ParentId, Name);
        OwlFacade.RefuseComment(update.Comment, Name);
        if (update.Name is not null)
        {
            OwlInput.Name(update.Name, nameof(update));
        }

        var current = await ReadAsync(id, cancellationToken).ConfigureAwait(false);
        if (update.Name is null)
        {
            return ToUserGroup(current);
        }

        // POST replaces the hosts too, so the current ones are sent back unchanged.
        var hosts = await HostIdsAsync(id, cancellationToken).ConfigureAwait(false);
        var updated = await _api.UpdateAsync(id, update.Name, hosts, cancellationToken).ConfigureAwait(false);
        return ToUserGroup(updated);
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
        var id = OwlInput.ParseId(groupId, nameof(groupId));
        await foreach (var host in _api.ListAllHostsAsync(id, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return new GroupMember(host.Id, string.IsNullOrEmpty(host.Name) ? host.Hostname : host.Name);
        }
    }

    public async Task AddMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default)
    {
        var id = OwlInput.ParseId(groupId, nameof(groupId));
        var requested = OwlInput.HostIds(memberIds, nameof(memberIds));
        var group = await ReadAsync(id, cancellationToken).ConfigureAwait(false);
        var current = await HostIdsAsync(id, cancellationToken).ConfigureAwait(false);
        var missing = requested.Where(host => !current.Contains(host, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            await _api.UpdateAsync(id, group.Name, [.. current, .. missing], cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task RemoveMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default)
    {
        var id = OwlInput.ParseId(groupId, nameof(groupId));
        var removed = OwlInput.HostIds(memberIds, nameof(memberIds)).ToHashSet(StringComparer.Ordinal);
        var group = await ReadAsync(id, cancellationToken).ConfigureAwait(false);
        var current = await HostIdsAsync(id, cancellationToken).ConfigureAwait(false);
        var kept = current.Where(host => !removed.Contains(host)).ToList();
        if (kept.Count < current.Count)
        {
            await _api.UpdateAsync(id, group.Name, kept, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task SetMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default)
    {
        var id = OwlInput.ParseId(groupId, nameof(groupId));
        var hosts = OwlInput.HostIds(memberIds, nameof(memberIds));
        var group = await ReadAsync(id, cancellationToken).ConfigureAwait(false);
        await _api.UpdateAsync(id, group.Name, hosts, cancellationToken).ConfigureAwait(false);
    }

    private static UserGroup ToUserGroup(OwlHostGroup group) =>
        new(group.Id.ToString(CultureInfo.InvariantCulture), group.Name) { MemberCount = group.Hosts?.Count };

    private async Task<OwlHostGroup> ReadAsync(int id, CancellationToken cancellationToken)
    {
        var groups = await _api.ListAsync(null, cancellationToken).ConfigureAwait(false);
        return groups.FirstOrDefault(g => g.Id == id) ?? throw OwlFacade.NotFound(Name, id);
    }

    private async Task<List<string>> HostIdsAsync(int id, CancellationToken cancellationToken)
    {
        var hosts = new List<string>();
        await foreach (var host in _api.ListAllHostsAsync(id, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            hosts.Add(host.Id);
        }

        return hosts;
    }
}
