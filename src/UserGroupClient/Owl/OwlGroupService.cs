using System.Globalization;
using System.Runtime.CompilerServices;
using UserGroupClient.Resilience;

namespace UserGroupClient.Owl;

/// <summary>
/// What both Owl facades share. Owl has no endpoint that reads one group, adds or removes a member: a group is found
/// in the list, and every membership change reads the group's members, changes the list and replaces it, keeping every
/// member it was not asked to remove. The read and the replace are two calls, so a change made by someone else in
/// between is overwritten. Groups have no comment and no parent (refused with <see cref="NotSupportedException"/>);
/// lists are not paged by the server.
/// </summary>
/// <typeparam name="TGroup">The wire group.</typeparam>
/// <typeparam name="TMember">A member's id as the API takes it.</typeparam>
internal abstract class OwlGroupService<TGroup, TMember> : IUserGroupService
    where TGroup : class
    where TMember : notnull
{
    private readonly CreateRecovery _createRecovery;
    private readonly string _memberKind;

    protected OwlGroupService(string name, string memberKind, bool supportsRename, CreateRecovery createRecovery)
    {
        Name = name;
        _memberKind = memberKind;
        _createRecovery = createRecovery;
        Capabilities = new UserGroupCapabilities
        {
            Dialect = name,
            SupportsRename = supportsRename,
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
            NameComparison = StringComparison.OrdinalIgnoreCase,
        };
    }

    public UserGroupCapabilities Capabilities { get; }

    /// <summary>The facade's name in capabilities and messages, e.g. <c>Owl host groups</c>.</summary>
    protected string Name { get; }

    public async IAsyncEnumerable<UserGroup> ListGroupsAsync(UserGroupQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        RefuseParent(query?.ParentId);
        var search = Http.ApiUri.QueryValue(query?.Search, nameof(query));

        // Owl lists every group at once, so the page size changes nothing but is still checked like everywhere else.
        UserGroupQuery.CheckPageSize(query, nameof(query));
        foreach (var group in await ListAsync(search, cancellationToken).ConfigureAwait(false))
        {
            yield return ToUserGroup(group);
        }
    }

    public async Task<UserGroup> GetGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        ToUserGroup(await ReadAsync(OwlInput.ParseId(groupId, nameof(groupId)), cancellationToken).ConfigureAwait(false));

    public async Task<UserGroup?> FindGroupByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        OwlInput.Name(name, nameof(name));
        var matches = await ListAsync(name, cancellationToken).ConfigureAwait(false);

        // q is a substring match that ignores case (Owl's collation), so the exact name is picked out here.
        var group = matches.FirstOrDefault(g => string.Equals(NameOf(g), name, StringComparison.Ordinal));
        return group is null ? null : ToUserGroup(group);
    }

    public async Task<UserGroup> CreateGroupAsync(NewUserGroup group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        RefuseParent(group.ParentId);
        RefuseComment(group.Comment);
        OwlInput.Name(group.Name, nameof(group));
        var members = group.MemberIds is null ? null : ParseMembers(group.MemberIds, nameof(group));
        if (members is not null)
        {
            await RequireExistingAsync(members, cancellationToken).ConfigureAwait(false);
        }

        return await _createRecovery.CreateUniqueAsync(
            group.Name,
            async ct => ToUserGroup(await CreateAsync(group.Name, members, ct).ConfigureAwait(false)),
            ct => FindGroupByNameAsync(group.Name, ct),
            cancellationToken).ConfigureAwait(false);
    }

    public abstract Task<UserGroup> UpdateGroupAsync(string groupId, UserGroupUpdate update, CancellationToken cancellationToken = default);

    public async Task DeleteGroupAsync(string groupId, CancellationToken cancellationToken = default)
    {
        var id = OwlInput.ParseId(groupId, nameof(groupId));
        await CheckDeletableAsync(id, cancellationToken).ConfigureAwait(false);
        await DeleteAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks every group before deleting any, so a group that cannot go (unknown, or a host group that holds hosts)
    /// stops the batch while nothing is deleted; the deletes then run one by one, and a failure among them leaves the
    /// groups before it deleted.
    /// </summary>
    public async Task DeleteGroupsAsync(IEnumerable<string> groupIds, CancellationToken cancellationToken = default)
    {
        var ids = OwlInput.ParseIds(groupIds, nameof(groupIds));
        foreach (var id in ids)
        {
            await CheckDeletableAsync(id, cancellationToken).ConfigureAwait(false);
        }

        foreach (var id in ids)
        {
            await DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        }
    }

    public abstract IAsyncEnumerable<GroupMember> ListMembersAsync(string groupId, CancellationToken cancellationToken = default);

    public async Task AddMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default)
    {
        var id = OwlInput.ParseId(groupId, nameof(groupId));
        var requested = ParseMembers(memberIds, nameof(memberIds));
        var group = await ReadAsync(id, cancellationToken).ConfigureAwait(false);
        var current = await MembersAsync(group, cancellationToken).ConfigureAwait(false);
        var missing = requested.Where(member => !current.Contains(member)).ToList();
        if (missing.Count > 0)
        {
            await RequireExistingAsync(missing, cancellationToken).ConfigureAwait(false);
            await ReplaceAsync(group, [.. current, .. missing], cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task RemoveMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default)
    {
        var id = OwlInput.ParseId(groupId, nameof(groupId));
        var removed = ParseMembers(memberIds, nameof(memberIds)).ToHashSet();
        var group = await ReadAsync(id, cancellationToken).ConfigureAwait(false);
        var current = await MembersAsync(group, cancellationToken).ConfigureAwait(false);
        var kept = current.Where(member => !removed.Contains(member)).ToList();
        if (kept.Count < current.Count)
        {
            await ReplaceAsync(group, kept, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task SetMembersAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken = default)
    {
        var id = OwlInput.ParseId(groupId, nameof(groupId));
        var members = ParseMembers(memberIds, nameof(memberIds));
        var group = await ReadAsync(id, cancellationToken).ConfigureAwait(false);
        await RequireExistingAsync(members, cancellationToken).ConfigureAwait(false);
        await ReplaceAsync(group, members, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists the groups, those whose name contains <paramref name="search"/> when one is given.</summary>
    protected abstract Task<IReadOnlyList<TGroup>> ListAsync(string? search, CancellationToken cancellationToken);

    protected abstract Task<TGroup> CreateAsync(string name, List<TMember>? members, CancellationToken cancellationToken);

    protected abstract Task DeleteAsync(int id, CancellationToken cancellationToken);

    /// <summary>Raises what deleting the group would raise, where that can be known without deleting it; nothing by default.</summary>
    protected virtual Task CheckDeletableAsync(int id, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Replaces the group's members, keeping its name.</summary>
    protected abstract Task ReplaceAsync(TGroup group, List<TMember> members, CancellationToken cancellationToken);

    /// <summary>The group's current members.</summary>
    protected abstract Task<List<TMember>> MembersAsync(TGroup group, CancellationToken cancellationToken);

    protected abstract List<TMember> ParseMembers(IEnumerable<string> memberIds, string parameterName);

    /// <summary>Every member id that exists on the server, read in one request.</summary>
    protected abstract Task<IReadOnlySet<TMember>> ExistingMembersAsync(CancellationToken cancellationToken);

    protected abstract int IdOf(TGroup group);

    protected abstract string NameOf(TGroup group);

    protected abstract int? MemberCountOf(TGroup group);

    protected UserGroup ToUserGroup(TGroup group) =>
        new(IdOf(group).ToString(CultureInfo.InvariantCulture), NameOf(group)) { MemberCount = MemberCountOf(group) };

    protected async Task<TGroup> ReadAsync(int id, CancellationToken cancellationToken)
    {
        var groups = await ListAsync(null, cancellationToken).ConfigureAwait(false);
        return groups.FirstOrDefault(g => IdOf(g) == id) ?? throw new UserGroupNotFoundException($"{Name}: no group has id {id}.") { Dialect = "Owl" };
    }

    protected void RefuseParent(string? parentId)
    {
        if (parentId is not null)
        {
            throw new NotSupportedException($"{Name} have no parent group; ParentId is not supported (see Capabilities.SupportsHierarchy).");
        }
    }

    protected void RefuseComment(string? comment)
    {
        if (comment is not null)
        {
            throw new NotSupportedException($"{Name} have no comment; Comment is not supported (see Capabilities.SupportsComment).");
        }
    }

    // Owl skips unknown member ids (create, user groups) or applies the known ones and then fails (host groups), and a
    // replace that names only unknown ids empties the group; so they are refused before anything is written.
    private async Task RequireExistingAsync(List<TMember> members, CancellationToken cancellationToken)
    {
        if (members.Count > 0)
        {
            UserGroupUnknownIdsException.ThrowIfAny(members, await ExistingMembersAsync(cancellationToken).ConfigureAwait(false), "Owl", Name, _memberKind);
        }
    }
}
