using System.Globalization;
using System.Runtime.CompilerServices;
using UserGroupClient.Resilience;

namespace UserGroupClient.Owl;

/// <summary>
/// <see cref="IUserGroupService"/> over Owl host groups; the members are hosts (string ids), replaced with
/// <c>POST /api/v1/groups</c> (see <see cref="OwlGroupService{TGroup, TMember}"/> for what every Owl facade does).
/// A rename sends the current hosts back unchanged. Deleting a group that still holds hosts raises
/// <see cref="UserGroupNotEmptyException"/>: the facade reads the group's first host before sending the DELETE.
/// </summary>
internal sealed class OwlHostGroupService : OwlGroupService<OwlHostGroup, string>
{
    private readonly OwlHostGroupsApi _api;
    private readonly IOwlHostsApi _hosts;

    public OwlHostGroupService(OwlHostGroupsApi api, IOwlHostsApi hosts, CreateRecovery createRecovery)
        : base("Owl host groups", "host", supportsRename: true, createRecovery)
    {
        _api = api;
        _hosts = hosts;
    }

    public override async Task<UserGroup> UpdateGroupAsync(string groupId, UserGroupUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var id = OwlInput.ParseId(groupId, nameof(groupId));
        RefuseParent(update.ParentId);
        RefuseComment(update.Comment);
        if (update.Name is not null)
        {
            OwlInput.Name(update.Name, nameof(update));
        }

        var current = await ReadAsync(id, cancellationToken).ConfigureAwait(false);
        if (update.Name is null)
        {
            return ToUserGroup(current);
        }

        // POST replaces the hosts too, so the current ones are sent back unchanged. The answer would only echo the
        // request, so the renamed group is told from what was sent, and a change the server applied is never an error.
        var hosts = await MembersAsync(current, cancellationToken).ConfigureAwait(false);
        await _api.UpdateUncheckedAsync(id, update.Name, hosts, cancellationToken).ConfigureAwait(false);
        return new UserGroup(id.ToString(CultureInfo.InvariantCulture), update.Name) { MemberCount = hosts.Count };
    }

    public override async IAsyncEnumerable<GroupMember> ListMembersAsync(string groupId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var id = OwlInput.ParseId(groupId, nameof(groupId));
        await foreach (var host in _api.ListAllHostsAsync(id, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return new GroupMember(host.Id, string.IsNullOrEmpty(host.Name) ? host.Hostname : host.Name) { UserName = string.IsNullOrEmpty(host.Hostname) ? null : host.Hostname };
        }
    }

    protected override Task<IReadOnlyList<OwlHostGroup>> ListAsync(string? search, CancellationToken cancellationToken) =>
        _api.ListAsync(search, cancellationToken);

    protected override Task<OwlHostGroup> CreateAsync(string name, List<string>? members, CancellationToken cancellationToken) =>
        _api.CreateAsync(name, members, cancellationToken);

    protected override Task DeleteAsync(int id, CancellationToken cancellationToken) => _api.DeleteAsync(id, cancellationToken);

    // Owl v4 deletes a group that holds hosts (its documentation says it refuses), so the rule is enforced here with
    // the group's first host; a host added after this check still meets the refusal of a server that applies the rule.
    protected override async Task CheckDeletableAsync(int id, CancellationToken cancellationToken)
    {
        var page = await _api.ListHostsAsync(id, new OwlHostListOptions { Page = 1, PageSize = 1 }, cancellationToken).ConfigureAwait(false);
        if (page.Hosts.Count > 0)
        {
            throw new UserGroupNotEmptyException($"{Name}: group {id} still holds hosts; remove them first. Nothing was deleted.") { Dialect = "Owl" };
        }
    }

    protected override Task ReplaceAsync(OwlHostGroup group, List<string> members, CancellationToken cancellationToken) =>
        _api.UpdateUncheckedAsync(group.Id, group.Name, members, cancellationToken);

    // Listed host groups carry only their id and name, so the hosts are read from the group's host list.
    protected override async Task<List<string>> MembersAsync(OwlHostGroup group, CancellationToken cancellationToken)
    {
        var hosts = new List<string>();
        await foreach (var host in _api.ListAllHostsAsync(group.Id, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            hosts.Add(host.Id);
        }

        return hosts;
    }

    protected override List<string> ParseMembers(IEnumerable<string> memberIds, string parameterName) => OwlInput.HostIds(memberIds, parameterName);

    // Without a page, /api/v1/hosts returns every host in one answer.
    protected override async Task<IReadOnlySet<string>> ExistingMembersAsync(CancellationToken cancellationToken)
    {
        var hosts = await _hosts.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return hosts.Hosts.Select(host => host.Id).ToHashSet(StringComparer.Ordinal);
    }

    protected override int IdOf(OwlHostGroup group) => group.Id;

    protected override string NameOf(OwlHostGroup group) => group.Name;

    protected override int? MemberCountOf(OwlHostGroup group) => group.Hosts?.Count;
}
