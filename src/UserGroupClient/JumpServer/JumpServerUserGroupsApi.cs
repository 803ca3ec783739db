using UserGroupClient.Http;

namespace UserGroupClient.JumpServer;

/// <summary>The implementation of <see cref="IJumpServerUserGroupsApi"/> over the transport core.</summary>
internal sealed class JumpServerUserGroupsApi : IJumpServerUserGroupsApi
{
    private const string GroupsPath = "api/v1/users/groups/";
    private const string RelationsPath = "api/v1/users/users-groups-relations/";
    private const string UsersPath = "api/v1/users/users/";
    private const string CachePath = "api/v1/common/resources/cache/";

    private static readonly JumpServerJsonContext Json = JumpServerJsonContext.Default;

    private readonly ApiConnection _connection;
    private readonly int _defaultPageSize;
    private readonly int _maxPageSize;

    public JumpServerUserGroupsApi(ApiConnection connection, string organizationId, int defaultPageSize, int maxPageSize)
    {
        _connection = connection;
        OrganizationId = organizationId;
        _defaultPageSize = defaultPageSize;
        _maxPageSize = maxPageSize;
    }

    public string OrganizationId { get; }

    public IJumpServerUserGroupsApi WithOrganization(string organizationId) =>
        new JumpServerUserGroupsApi(_connection, JumpServerOrganizations.Validate(organizationId, nameof(organizationId)), _defaultPageSize, _maxPageSize);

    public Task<JumpServerPage<JumpServerUserGroup>> ListAsync(JumpServerGroupListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new JumpServerGroupListOptions();
        var query = new QueryString()
            .Add("limit", PageSize(options.Limit, nameof(options)))
            .Add("offset", options.Offset is { } offset ? Math.Max(0, offset) : null)
            .Add("search", Checked(options.Search, nameof(options)))
            .Add("name", Checked(options.Name, nameof(options)))
            .Add("order", Checked(options.Order, nameof(options)))
            .Add("spm", Checked(options.Spm, nameof(options)));
        return _connection.SendAsync(Request(HttpMethod.Get, GroupsPath + query), Json.JumpServerPageJumpServerUserGroup, cancellationToken);
    }

    public IAsyncEnumerable<JumpServerUserGroup> ListAllAsync(JumpServerGroupListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new JumpServerGroupListOptions();
        return Paging.ByOffsetAsync(
            PageSize(options.Limit, nameof(options)),
            async (offset, limit, ct) =>
            {
                var page = await ListAsync(options with { Offset = offset, Limit = limit }, ct).ConfigureAwait(false);
                return new OffsetPage<JumpServerUserGroup>(page.Results, page.Count);
            },
            cancellationToken);
    }

    public Task<JumpServerUserGroup> GetAsync(string groupId, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(Request(HttpMethod.Get, GroupPath(groupId)), Json.JumpServerUserGroup, cancellationToken);

    public Task<JumpServerUserGroup> CreateAsync(JumpServerUserGroupCreate group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        JumpServerInput.GroupName(group.Name, nameof(group));
        var body = group.Users is null ? group : group with { Users = JumpServerInput.UserIds(group.Users, nameof(group)) };
        var request = Request(HttpMethod.Post, GroupsPath).WithJson(body, Json.JumpServerUserGroupCreate);
        return _connection.SendAsync(request, Json.JumpServerUserGroup, cancellationToken);
    }

    public Task<JumpServerUserGroup> UpdateAsync(string groupId, JumpServerUserGroupUpdate group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        var path = GroupPath(groupId);
        JumpServerInput.GroupName(group.Name, nameof(group));
        var body = group.Users is null ? group : group with { Users = JumpServerInput.UserIds(group.Users, nameof(group)) };
        return _connection.SendAsync(Request(HttpMethod.Put, path).WithJson(body, Json.JumpServerUserGroupUpdate), Json.JumpServerUserGroup, cancellationToken);
    }

    public Task<JumpServerUserGroup> PatchAsync(string groupId, JumpServerUserGroupPatch patch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var path = GroupPath(groupId);
        if (patch.Name is not null)
        {
            JumpServerInput.GroupName(patch.Name, nameof(patch));
        }

        var body = patch.Users is null ? patch : patch with { Users = JumpServerInput.UserIds(patch.Users, nameof(patch)) };
        return _connection.SendAsync(Request(HttpMethod.Patch, path).WithJson(body, Json.JumpServerUserGroupPatch), Json.JumpServerUserGroup, cancellationToken);
    }

    public Task DeleteAsync(string groupId, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(Request(HttpMethod.Delete, GroupPath(groupId)), cancellationToken);

    public async Task<string> CacheResourcesAsync(IEnumerable<string> resourceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resourceIds);
        var ids = resourceIds.Select(id => ApiUri.Id(id, nameof(resourceIds))).ToList();
        var request = Request(HttpMethod.Post, CachePath).WithJson(new JumpServerResourceCache(ids), Json.JumpServerResourceCache);
        var result = await _connection.SendAsync(request, Json.JumpServerResourceCacheResult, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrEmpty(result.Spm)
            ? throw new UserGroupApiException("JumpServer answered the resource cache without an 'spm'.") { Dialect = _connection.Errors.Dialect }
            : result.Spm;
    }

    public async Task BulkDeleteAsync(IEnumerable<string> groupIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupIds);
        var ids = groupIds.Select(id => ApiUri.Id(id, nameof(groupIds))).Distinct(StringComparer.Ordinal).ToList();
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

        await _connection.SendAsync(Request(HttpMethod.Delete, GroupsPath + new QueryString().Add("spm", spm)), cancellationToken).ConfigureAwait(false);
    }

    // The selection is counted, not listed, so the message says what is known: how many it holds against how many were asked for.
    private UserGroupApiException SelectionMismatch(int selected, int asked)
    {
        var facts = $"JumpServer: the selection holds {selected} {(selected == 1 ? "group" : "groups")}, not the {asked} asked for; nothing was deleted.";
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

        var request = Request(HttpMethod.Post, RelationsPath).WithJson(rows, Json.ListJumpServerRelationCreate);
        return await _connection.SendAsync(request, Json.ListJumpServerUserGroupRelation, cancellationToken).ConfigureAwait(false);
    }

    public Task RemoveUserAsync(string groupId, string userId, CancellationToken cancellationToken = default)
    {
        var query = new QueryString()
            .Add("usergroup", ApiUri.Id(groupId, nameof(groupId)))
            .Add("user", JumpServerInput.UserId(userId, nameof(userId)));
        return _connection.SendAsync(Request(HttpMethod.Delete, RelationsPath + query), cancellationToken);
    }

    public Task<JumpServerUserGroup> SetUsersAsync(string groupId, IEnumerable<string> userIds, CancellationToken cancellationToken = default) =>
        PatchAsync(groupId, new JumpServerUserGroupPatch { Users = JumpServerInput.UserIds(userIds, nameof(userIds)) }, cancellationToken);

    public Task<JumpServerPage<JumpServerUser>> ListMembersAsync(string groupId, JumpServerPageRequest? page = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryString()
            .Add("group_id", ApiUri.Id(groupId, nameof(groupId)))
            .Add("limit", PageSize(page?.Limit, nameof(page)))
            .Add("offset", page?.Offset is { } offset ? Math.Max(0, offset) : null);
        return _connection.SendAsync(Request(HttpMethod.Get, UsersPath + query), Json.JumpServerPageJumpServerUser, cancellationToken);
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

    public Task AddAllUsersAsync(string groupId, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(Request(HttpMethod.Post, GroupPath(groupId) + "add-all-users/"), cancellationToken);

    private static string GroupPath(string groupId) => GroupsPath + JumpServerInput.PathSegment(groupId, nameof(groupId)) + "/";

    private static string? Checked(string? value, string parameterName) =>
        value is null ? null : ApiUri.RejectControlCharacters(value, parameterName);

    private int PageSize(int? requested, string parameterName)
    {
        if (requested is < 1)
        {
            throw new ArgumentOutOfRangeException(parameterName, requested, "The page size must be at least 1 (JumpServer reads 0 or less as 'no limit').");
        }

        return Math.Min(requested ?? _defaultPageSize, _maxPageSize);
    }

    // Accept is always sent: the default Access Key signature covers it, and HttpClient adds none by itself.
    private ApiRequest Request(HttpMethod method, string path) =>
        new ApiRequest(method, path).WithHeader("Accept", "application/json").WithHeader("X-JMS-ORG", OrganizationId);
}
