using UserGroupClient.Http;

namespace UserGroupClient.JumpServer;

/// <summary>The implementation of <see cref="IJumpServerUserGroupsApi"/> over the transport core.</summary>
internal sealed class JumpServerUserGroupsApi : IJumpServerUserGroupsApi
{
    private static readonly JumpServerJsonContext Json = JumpServerJsonContext.Default;

    private readonly ApiConnection _connection;
    private readonly IJumpServerEndpoints _endpoints;
    private readonly int _defaultPageSize;
    private readonly int _maxPageSize;

    public JumpServerUserGroupsApi(ApiConnection connection, IJumpServerEndpoints endpoints, string organizationId, int defaultPageSize, int maxPageSize)
    {
        _connection = connection;
        _endpoints = endpoints;
        OrganizationId = organizationId;
        _defaultPageSize = defaultPageSize;
        _maxPageSize = maxPageSize;
    }

    public string OrganizationId { get; }

    public IJumpServerUserGroupsApi WithOrganization(string organizationId) =>
        new JumpServerUserGroupsApi(_connection, _endpoints, JumpServerOrganizations.Validate(organizationId, nameof(organizationId)), _defaultPageSize, _maxPageSize);

    public async Task<JumpServerPage<JumpServerUserGroup>> ListAsync(JumpServerGroupListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new JumpServerGroupListOptions();
        var limit = PageSize(options.Limit, nameof(options));
        var offset = Offset(options.Offset);
        var search = Checked(options.Search, nameof(options));
        var name = Checked(options.Name, nameof(options));
        var order = Checked(options.Order, nameof(options));
        var spm = Checked(options.Spm, nameof(options));
        return await _connection.ReadAsync(
            ct => _endpoints.ListGroupsAsync(OrganizationId, limit, offset, search, name, order, spm, ct),
            Json.JumpServerPageJumpServerUserGroup,
            cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<JumpServerUserGroup> ListAllAsync(JumpServerGroupListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new JumpServerGroupListOptions();

        // The listing starts at the offset asked for, as one page would; a negative one at 0, as the server reads it.
        var start = Offset(options.Offset) ?? 0;
        return Paging.ByOffsetAsync(
            PageSize(options.Limit, nameof(options)),
            async (offset, limit, ct) =>
            {
                var page = await ListAsync(options with { Offset = start + offset, Limit = limit }, ct).ConfigureAwait(false);
                return new OffsetPage<JumpServerUserGroup>(page.Results, page.Count - start);
            },
            cancellationToken);
    }

    public Task<JumpServerUserGroup> GetAsync(string groupId, CancellationToken cancellationToken = default) =>
        _endpoints.GetGroupAsync(OrganizationId, GroupSegment(groupId), cancellationToken);

    public Task<JumpServerUserGroup> CreateAsync(JumpServerUserGroupCreate group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        JumpServerInput.GroupName(group.Name, nameof(group));
        var body = group.Users is null ? group : group with { Users = JumpServerInput.UserIds(group.Users, nameof(group)) };
        return _endpoints.CreateGroupAsync(OrganizationId, body, cancellationToken);
    }

    public Task<JumpServerUserGroup> UpdateAsync(string groupId, JumpServerUserGroupUpdate group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        var segment = GroupSegment(groupId);
        JumpServerInput.GroupName(group.Name, nameof(group));
        var body = group.Users is null ? group : group with { Users = JumpServerInput.UserIds(group.Users, nameof(group)) };
        return _endpoints.UpdateGroupAsync(OrganizationId, segment, body, cancellationToken);
    }

    public Task<JumpServerUserGroup> PatchAsync(string groupId, JumpServerUserGroupPatch patch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var segment = GroupSegment(groupId);
        if (patch.Name is not null)
        {
            JumpServerInput.GroupName(patch.Name, nameof(patch));
        }

        var body = patch.Users is null ? patch : patch with { Users = JumpServerInput.UserIds(patch.Users, nameof(patch)) };
        return _endpoints.PatchGroupAsync(OrganizationId, segment, body, cancellationToken);
    }

    public Task DeleteAsync(string groupId, CancellationToken cancellationToken = default) =>
        _endpoints.DeleteGroupAsync(OrganizationId, GroupSegment(groupId), cancellationToken);

    public async Task<string> CacheResourcesAsync(IEnumerable<string> resourceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resourceIds);
        var ids = resourceIds.Select(id => ApiUri.Id(id, nameof(resourceIds))).ToList();
        var result = await _endpoints.CacheResourcesAsync(OrganizationId, new JumpServerResourceCache(ids), cancellationToken).ConfigureAwait(false);
        return string.IsNullOrEmpty(result.Spm)
            ? throw new UserGroupApiException("JumpServer answered the resource cache without an 'spm'.") { Dialect = _connection.Errors.Dialect }
            : result.Spm;
    }

    public async Task BulkDeleteAsync(IEnumerable<string> groupIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupIds);
        // Group ids are UUIDs, which the server reads in either case: two spellings of one id would make the selection
        // hold fewer groups than asked for, and the delete be refused.
        var ids = groupIds.Select(id => ApiUri.Id(id, nameof(groupIds))).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var spm = await CacheResourcesAsync(ids, cancellationToken).ConfigureAwait(false);
        var selected = await ListAsync(new JumpServerGroupListOptions { Spm = spm, Limit = 1 }, cancellationToken).ConfigureAwait(false);
        if (selected.Count != ids.Count)
        {
            throw SelectionMismatch(selected.Count, ids.Count);
        }

        await _endpoints.DeleteGroupsAsync(OrganizationId, spm, cancellationToken).ConfigureAwait(false);
    }

    // The selection is counted, not listed, so the message says what is known: how many it holds against how many were asked for.
    private UserGroupApiException SelectionMismatch(int selected, int asked)
    {
        var facts = $"JumpServer: the selection holds {selected} {(selected == 1 ? "group" : "groups")}, not the {asked} asked for; nothing was deleted.";
        // Stryker disable once Equality : called only when the counts differ, where < and <= agree
        return selected < asked
            ? new UserGroupNotFoundException($"{facts} Ids that are not groups of organization {OrganizationId} are left out of it, and a selection that expired (after 300 s) holds none.")
            {
                Dialect = _connection.Errors.Dialect,
            }
            : new UserGroupApiException($"{facts} The server did not limit the selection to the ids asked for, so deleting by it would have deleted other groups too.")
            {
                Dialect = _connection.Errors.Dialect,
            };
    }

    public async Task<IReadOnlyList<JumpServerUserGroupRelation>> AddUsersAsync(string groupId, IEnumerable<string> userIds, CancellationToken cancellationToken = default)
    {
        var group = ApiUri.Id(groupId, nameof(groupId));
        var rows = JumpServerInput.UserIds(userIds, nameof(userIds)).Select(user => new JumpServerRelationCreate(user, group)).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        return await _endpoints.AddRelationsAsync(OrganizationId, rows, cancellationToken).ConfigureAwait(false);
    }

    public Task RemoveUserAsync(string groupId, string userId, CancellationToken cancellationToken = default) =>
        _endpoints.RemoveRelationAsync(OrganizationId, ApiUri.Id(groupId, nameof(groupId)), JumpServerInput.UserId(userId, nameof(userId)), cancellationToken);

    public Task<JumpServerUserGroup> SetUsersAsync(string groupId, IEnumerable<string> userIds, CancellationToken cancellationToken = default) =>
        PatchAsync(groupId, new JumpServerUserGroupPatch { Users = JumpServerInput.UserIds(userIds, nameof(userIds)) }, cancellationToken);

    public async Task<JumpServerPage<JumpServerUser>> ListMembersAsync(string groupId, JumpServerPageRequest? page = null, CancellationToken cancellationToken = default)
    {
        var group = ApiUri.Id(groupId, nameof(groupId));
        var limit = PageSize(page?.Limit, nameof(page));
        var offset = Offset(page?.Offset);
        return await _connection.ReadAsync(
            ct => _endpoints.ListUsersAsync(OrganizationId, group, limit, offset, ct),
            Json.JumpServerPageJumpServerUser,
            cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<JumpServerUser> ListAllMembersAsync(string groupId, CancellationToken cancellationToken = default)
    {
        ApiUri.Id(groupId, nameof(groupId));
        return Paging.ByOffsetAsync(
            PageSize(null, nameof(groupId)),
            async (offset, limit, ct) =>
            {
                var page = await ListMembersAsync(groupId, new JumpServerPageRequest(limit, offset), ct).ConfigureAwait(false);
                return new OffsetPage<JumpServerUser>(page.Results, page.Count);
            },
            cancellationToken);
    }

    /// <summary>Every user of the organization, page by page: the same listing as a group's members, without the group filter.</summary>
    internal IAsyncEnumerable<JumpServerUser> ListAllUsersAsync(CancellationToken cancellationToken) =>
        Paging.ByOffsetAsync(
            // Stryker disable once String : the name of a page size that is never refused (none is asked for, so the default is taken)
            PageSize(null, "limit"),
            async (offset, limit, ct) =>
            {
                var page = await _connection.ReadAsync(c => _endpoints.ListUsersAsync(OrganizationId, null, limit, offset, c), Json.JumpServerPageJumpServerUser, ct).ConfigureAwait(false);
                return new OffsetPage<JumpServerUser>(page.Results, page.Count);
            },
            cancellationToken);

    public Task AddAllUsersAsync(string groupId, CancellationToken cancellationToken = default) =>
        _endpoints.AddAllUsersAsync(OrganizationId, GroupSegment(groupId), cancellationToken);

    // Escaped here, the way Django re-escapes a path before it checks a signature, and sent as it is ([Encoded]).
    private static string GroupSegment(string groupId) => JumpServerInput.PathSegment(groupId, nameof(groupId));

    private static string? Checked(string? value, string parameterName) =>
        value is null ? null : ApiUri.RejectControlCharacters(value, parameterName);

    // DRF's LimitOffsetPagination reads a negative offset as 0 (docs/wire/jumpserver.md §3): sending 0 gives the same page.
    private static int? Offset(int? requested) => requested is { } start ? Math.Max(0, start) : null;

    // Clamped to the cap as the server clamps limit to its own (MaxLimitOffsetPagination.max_limit); MaxPageSize is that cap.
    private int PageSize(int? requested, string parameterName)
    {
        if (requested is < 1)
        {
            throw new ArgumentOutOfRangeException(parameterName, requested, "The page size must be at least 1 (JumpServer reads 0 or less as 'no limit').");
        }

        return Math.Min(requested ?? _defaultPageSize, _maxPageSize);
    }
}
