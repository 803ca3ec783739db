using System.Globalization;
using System.Runtime.CompilerServices;
using UserGroupClient.Resilience;

namespace UserGroupClient.Owl;

/// <summary>
/// <see cref="IUserGroupService"/> over Owl user groups; the members are users (numeric ids as strings), listed with
/// <c>GET /api/v1/users?group_id=</c> and replaced with <c>POST /api/v1/usergroups</c> (see
/// <see cref="OwlGroupService{TGroup, TMember}"/> for what every Owl facade does). Owl v4 ignores renames of user
/// groups, so a new name is refused with <see cref="NotSupportedException"/>.
/// </summary>
internal sealed class OwlUserGroupService : OwlGroupService<OwlUserGroup, int>
{
    private readonly OwlUserGroupsApi _api;
    private readonly IOwlUsersApi _users;

    public OwlUserGroupService(OwlUserGroupsApi api, IOwlUsersApi users, CreateRecovery createRecovery)
        : base("Owl user groups", "user", supportsRename: false, createRecovery)
    {
        _api = api;
        _users = users;
    }

    public override async Task<UserGroup> UpdateGroupAsync(string groupId, UserGroupUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var id = OwlInput.ParseId(groupId, nameof(groupId));
        RefuseParent(update.ParentId);
        RefuseComment(update.Comment);
        var current = await ReadAsync(id, cancellationToken).ConfigureAwait(false);
        if (update.Name is not null && !string.Equals(update.Name, current.Name, StringComparison.Ordinal))
        {
            throw new NotSupportedException($"{Name} cannot be renamed: Owl v4 keeps the stored name (see Capabilities.SupportsRename).");
        }

        return ToUserGroup(current);
    }

    // One group's users are the pages of /api/v1/users?group_id=N, so reading every group's members costs their pages,
    // not one listing of every group with its users per group. That query answers an unknown group with no users, as
    // it does an empty group, so only an empty answer is checked against the group list.
    public override async IAsyncEnumerable<GroupMember> ListMembersAsync(string groupId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var id = OwlInput.ParseId(groupId, nameof(groupId));
        var any = false;
        await foreach (var user in _users.ListAllAsync(new OwlUserListOptions { GroupId = id }, cancellationToken).ConfigureAwait(false))
        {
            any = true;
            yield return new GroupMember(user.Id.ToString(CultureInfo.InvariantCulture), user.Username) { UserName = user.Username };
        }

        if (!any)
        {
            await ReadAsync(id, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task<IReadOnlyList<OwlUserGroup>> ListAsync(string? search, CancellationToken cancellationToken) =>
        _api.ListAsync(search, cancellationToken);

    protected override Task<OwlUserGroup> CreateAsync(string name, List<int>? members, CancellationToken cancellationToken) =>
        _api.CreateAsync(name, members, cancellationToken);

    protected override Task DeleteAsync(int id, CancellationToken cancellationToken) => _api.DeleteAsync(id, cancellationToken);

    protected override Task ReplaceAsync(OwlUserGroup group, List<int> members, CancellationToken cancellationToken) =>
        _api.UpdateUncheckedAsync([new OwlUserGroupUpdate(group.Id, group.Name, members)], cancellationToken);

    protected override Task<List<int>> MembersAsync(OwlUserGroup group, CancellationToken cancellationToken) =>
        Task.FromResult((group.Users ?? []).Select(user => user.Id).ToList());

    protected override List<int> ParseMembers(IEnumerable<string> memberIds, string parameterName) => OwlInput.ParseIds(memberIds, parameterName);

    // page=0 makes /api/v1/users return every user in one answer.
    protected override async Task<IReadOnlySet<int>> ExistingMembersAsync(CancellationToken cancellationToken)
    {
        var users = await _users.ListAsync(new OwlUserListOptions { Page = 0 }, cancellationToken).ConfigureAwait(false);
        return users.Users.Select(user => user.Id).ToHashSet();
    }

    protected override int IdOf(OwlUserGroup group) => group.Id;

    protected override string NameOf(OwlUserGroup group) => group.Name;

    protected override int? MemberCountOf(OwlUserGroup group) => group.Users?.Count;
}
