using UserGroupClient.Http;

namespace UserGroupClient.Kylin;

/// <summary>The implementation of <see cref="IKylinUserGroupsApi"/>: checks every value, then calls <see cref="IKylinEndpoints"/>.</summary>
internal sealed class KylinUserGroupsApi : IKylinUserGroupsApi
{
    /// <summary>The media type every v2 handler declares; without it the server answers 406 or another API.</summary>
    public const string MediaType = "application/vnd.apache.kylin-v2+json";

    private static readonly KylinJsonContext Json = KylinJsonContext.Default;

    private readonly ApiConnection _connection;
    private readonly IKylinEndpoints _endpoints;
    private readonly int _defaultPageSize;

    public KylinUserGroupsApi(ApiConnection connection, IKylinEndpoints endpoints, string project, int defaultPageSize)
    {
        _connection = connection;
        _endpoints = endpoints;
        Project = project;
        _defaultPageSize = defaultPageSize;
    }

    public string Project { get; }

    public async Task<IReadOnlyList<string>> ListGroupsAsync(string? project = null, CancellationToken cancellationToken = default)
    {
        var groups = await _endpoints.ListGroupsAsync(ApiUri.RejectControlCharacters(project ?? Project, nameof(project)), cancellationToken).ConfigureAwait(false);
        var envelope = await _connection.ReadAsync(groups, Json.KylinEnvelopeListString, cancellationToken).ConfigureAwait(false);
        return envelope.Data ?? [];
    }

    public async Task<KylinPage<KylinGroupUsers>> ListUsersWithGroupAsync(int pageOffset = 0, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        var size = pageSize ?? _defaultPageSize;
        KylinInput.Page(pageOffset, size);
        var page = await _endpoints.ListUsersWithGroupAsync(pageOffset, size, cancellationToken).ConfigureAwait(false);
        var envelope = await _connection.ReadAsync(page, Json.KylinEnvelopeKylinUsersWithGroupData, cancellationToken).ConfigureAwait(false);
        return new KylinPage<KylinGroupUsers>(envelope.Data?.UsersWithGroup ?? [], envelope.Data?.Size ?? 0, pageOffset, size);
    }

    public IAsyncEnumerable<KylinGroupUsers> ListAllUsersWithGroupAsync(int? pageSize = null, CancellationToken cancellationToken = default) =>
        AllPages(pageSize, (index, size, ct) => ListUsersWithGroupAsync(index, size, ct), cancellationToken);

    public Task CreateGroupAsync(string groupName, CancellationToken cancellationToken = default) =>
        _endpoints.CreateGroupAsync(KylinInput.GroupSegment(groupName, nameof(groupName)), cancellationToken);

    public Task DeleteGroupAsync(string groupName, CancellationToken cancellationToken = default)
    {
        var segment = KylinInput.GroupSegment(groupName, nameof(groupName));
        return KylinBuiltInGroups.RefuseDelete(groupName) is { } refused
            ? Task.FromException(refused)
            : _endpoints.DeleteGroupAsync(segment, cancellationToken);
    }

    public async Task<KylinPage<KylinManagedUser>> ListGroupMembersAsync(string groupName, int pageOffset = 0, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        var segment = KylinInput.GroupSegment(groupName, nameof(groupName));
        var size = pageSize ?? _defaultPageSize;
        KylinInput.Page(pageOffset, size);
        var page = await _endpoints.ListGroupMembersAsync(segment, pageOffset, size, cancellationToken).ConfigureAwait(false);
        var envelope = await _connection.ReadAsync(page, Json.KylinEnvelopeKylinGroupMembersData, cancellationToken).ConfigureAwait(false);
        return new KylinPage<KylinManagedUser>(envelope.Data?.GroupMembers ?? [], envelope.Data?.Size ?? 0, pageOffset, size);
    }

    public IAsyncEnumerable<KylinManagedUser> ListAllGroupMembersAsync(string groupName, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        KylinInput.GroupName(groupName, nameof(groupName));
        return AllPages(pageSize, (index, size, ct) => ListGroupMembersAsync(groupName, index, size, ct), cancellationToken);
    }

    public Task SetGroupUsersAsync(string groupName, IEnumerable<string> usernames, CancellationToken cancellationToken = default)
    {
        var segment = KylinInput.GroupSegment(groupName, nameof(groupName));
        var body = KylinInput.Usernames(usernames, nameof(usernames));
        return KylinBuiltInGroups.RefuseMembershipChange(groupName) is { } refused
            ? Task.FromException(refused)
            : _endpoints.SetGroupUsersAsync(segment, body, cancellationToken);
    }

    private IAsyncEnumerable<T> AllPages<T>(int? pageSize, Func<int, int, CancellationToken, Task<KylinPage<T>>> fetch, CancellationToken cancellationToken)
    {
        var size = pageSize ?? _defaultPageSize;
        KylinInput.Page(0, size);

        // Kylin pages by index (pageOffset * pageSize rows are skipped); Paging hands out row offsets of full pages.
        return Paging.ByOffsetAsync(
            size,
            async (offset, limit, ct) =>
            {
                var page = await fetch(offset / limit, limit, ct).ConfigureAwait(false);
                return new OffsetPage<T>(page.Items, page.TotalCount);
            },
            cancellationToken);
    }
}
