using UserGroupClient.Http;

namespace UserGroupClient.Kylin;

/// <summary>The implementation of <see cref="IKylinApacheUserGroupsApi"/>: checks every value, then calls <see cref="IKylinApacheEndpoints"/>.</summary>
internal sealed class KylinApacheUserGroupsApi : IKylinApacheUserGroupsApi
{
    /// <summary>The only media type Apache Kylin's handlers produce.</summary>
    public const string MediaType = "application/json";

    private const KylinWireShape Shape = KylinWireShape.Apache;

    private static readonly KylinJsonContext Json = KylinJsonContext.Default;

    private readonly ApiConnection _connection;
    private readonly IKylinApacheEndpoints _endpoints;
    private readonly KylinFlavorMismatch _mismatch;
    private readonly int _defaultPageSize;

    public KylinApacheUserGroupsApi(ApiConnection connection, IKylinApacheEndpoints endpoints, KylinFlavorMismatch mismatch, string? project, int defaultPageSize)
    {
        _connection = connection;
        _endpoints = endpoints;
        _mismatch = mismatch;
        Project = string.IsNullOrEmpty(project) ? null : project;
        _defaultPageSize = defaultPageSize;
    }

    public string? Project { get; }

    public async Task<KylinOffsetPage<KylinGroupUsers>> ListGroupsAsync(string? name = null, bool isFuzzMatch = false, int offset = 0, int? limit = null, string? project = null, CancellationToken cancellationToken = default)
    {
        var size = limit ?? _defaultPageSize;
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(limit));
        var projectValue = ApiUri.QueryValue(string.IsNullOrEmpty(project) ? Project : project, nameof(project));
        var nameValue = KylinInput.Filter(name, nameof(name));
        var fuzzy = nameValue is null ? null : isFuzzMatch ? "true" : "false";
        var data = await _mismatch.RunAsync(
            async ct => (await _connection.ReadAsync(c => _endpoints.ListGroupsAsync(projectValue, nameValue, fuzzy, offset, size, c), Json.KylinEnvelopeKylinApacheGroupsData, ct).ConfigureAwait(false)).Data,
            cancellationToken).ConfigureAwait(false);
        var groups = (data?.Groups ?? [])
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new KylinGroupUsers { Name = group.Key, Users = group.Value ?? [] })
            .ToList();
        return new KylinOffsetPage<KylinGroupUsers>(groups, data?.Size ?? 0, offset, size);
    }

    public IAsyncEnumerable<KylinGroupUsers> ListAllGroupsAsync(string? name = null, bool isFuzzMatch = false, int? pageSize = null, string? project = null, CancellationToken cancellationToken = default)
    {
        var size = pageSize ?? _defaultPageSize;
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(pageSize));
        KylinInput.Filter(name, nameof(name));
        ApiUri.QueryValue(project, nameof(project));
        return Paging.ByOffsetAsync(
            size,
            async (offset, limit, ct) =>
            {
                var page = await ListGroupsAsync(name, isFuzzMatch, offset, limit, project, ct).ConfigureAwait(false);
                return new OffsetPage<KylinGroupUsers>(page.Items, page.TotalCount);
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<KylinManagedUser>> ListGroupUsersAsync(string groupName, CancellationToken cancellationToken = default)
    {
        var segment = KylinInput.GroupSegment(groupName, nameof(groupName), Shape);
        var data = await _mismatch.RunAsync(
            async ct => (await _connection.ReadAsync(c => _endpoints.ListGroupUsersAsync(segment, c), Json.KylinEnvelopeKylinApacheUsersData, ct).ConfigureAwait(false)).Data,
            cancellationToken).ConfigureAwait(false);
        return data?.Users ?? [];
    }

    public Task CreateGroupAsync(string groupName, CancellationToken cancellationToken = default)
    {
        var segment = KylinInput.GroupSegment(groupName, nameof(groupName), Shape);
        return _mismatch.RunAsync(ct => _endpoints.CreateGroupAsync(segment, ct), cancellationToken);
    }

    public Task DeleteGroupAsync(string groupName, CancellationToken cancellationToken = default)
    {
        var segment = KylinInput.GroupSegment(groupName, nameof(groupName), Shape);
        return KylinBuiltInGroups.RefuseDelete(groupName, Shape) is { } refused
            ? Task.FromException(refused)
            : _mismatch.RunAsync(ct => _endpoints.DeleteGroupAsync(segment, ct), cancellationToken);
    }

    public Task SetGroupUsersAsync(string groupName, IEnumerable<string> usernames, CancellationToken cancellationToken = default)
    {
        var segment = KylinInput.GroupSegment(groupName, nameof(groupName), Shape);
        var body = KylinInput.Usernames(usernames, nameof(usernames));
        return KylinBuiltInGroups.RefuseMembershipChange(groupName, Shape) is { } refused
            ? Task.FromException(refused)
            : _mismatch.RunAsync(ct => _endpoints.SetGroupUsersAsync(segment, body, ct), cancellationToken);
    }
}
