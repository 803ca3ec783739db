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
    private readonly KylinFlavorMismatch _mismatch;
    private readonly int _defaultPageSize;

    public KylinUserGroupsApi(ApiConnection connection, IKylinEndpoints endpoints, KylinFlavorMismatch mismatch, string project, int defaultPageSize)
    {
        _connection = connection;
        _endpoints = endpoints;
        _mismatch = mismatch;
        Project = project;
        _defaultPageSize = defaultPageSize;
    }

    public string Project { get; }

    public async Task<IReadOnlyList<string>> ListGroupsAsync(string? project = null, CancellationToken cancellationToken = default)
    {
        var projectValue = ApiUri.RejectControlCharacters(project ?? Project, nameof(project));
        return await _mismatch.RunAsync(
            async ct => (IReadOnlyList<string>?)(await _connection.ReadAsync(c => _endpoints.ListGroupsAsync(projectValue, c), Json.KylinEnvelopeListString, ct).ConfigureAwait(false)).Data ?? [],
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<KylinPage<KylinGroupUsers>> ListUsersWithGroupAsync(int pageOffset = 0, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        var size = pageSize ?? _defaultPageSize;
        KylinInput.Page(pageOffset, size);
        var data = await _mismatch.RunAsync(
            async ct => (await _connection.ReadAsync(c => _endpoints.ListUsersWithGroupAsync(pageOffset, size, c), Json.KylinEnvelopeKylinUsersWithGroupData, ct).ConfigureAwait(false)).Data,
            cancellationToken).ConfigureAwait(false);
        return new KylinPage<KylinGroupUsers>(data?.UsersWithGroup ?? [], data?.Size ?? 0, pageOffset, size);
    }

    public IAsyncEnumerable<KylinGroupUsers> ListAllUsersWithGroupAsync(int? pageSize = null, CancellationToken cancellationToken = default) =>
        KylinPageIndexPaging.AllAsync(pageSize ?? _defaultPageSize, (index, size, ct) => ListUsersWithGroupAsync(index, size, ct), cancellationToken);

    public Task CreateGroupAsync(string groupName, CancellationToken cancellationToken = default)
    {
        var segment = KylinInput.GroupSegment(groupName, nameof(groupName));
        return _mismatch.RunAsync(ct => _endpoints.CreateGroupAsync(segment, ct), cancellationToken);
    }

    public Task DeleteGroupAsync(string groupName, CancellationToken cancellationToken = default)
    {
        var segment = KylinInput.GroupSegment(groupName, nameof(groupName));
        return KylinBuiltInGroups.RefuseDelete(groupName, KylinWireShape.KapV2) is { } refused
            ? Task.FromException(refused)
            : _mismatch.RunAsync(ct => _endpoints.DeleteGroupAsync(segment, ct), cancellationToken);
    }

    public async Task<KylinPage<KylinManagedUser>> ListGroupMembersAsync(string groupName, int pageOffset = 0, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        var segment = KylinInput.GroupSegment(groupName, nameof(groupName));
        var size = pageSize ?? _defaultPageSize;
        KylinInput.Page(pageOffset, size);
        var data = await _mismatch.RunAsync(
            async ct => (await _connection.ReadAsync(c => _endpoints.ListGroupMembersAsync(segment, pageOffset, size, c), Json.KylinEnvelopeKylinGroupMembersData, ct).ConfigureAwait(false)).Data,
            cancellationToken).ConfigureAwait(false);
        return new KylinPage<KylinManagedUser>(data?.GroupMembers ?? [], data?.Size ?? 0, pageOffset, size);
    }

    public IAsyncEnumerable<KylinManagedUser> ListAllGroupMembersAsync(string groupName, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        KylinInput.GroupName(groupName, nameof(groupName));
        return KylinPageIndexPaging.AllAsync(pageSize ?? _defaultPageSize, (index, size, ct) => ListGroupMembersAsync(groupName, index, size, ct), cancellationToken);
    }

    public Task SetGroupUsersAsync(string groupName, IEnumerable<string> usernames, CancellationToken cancellationToken = default)
    {
        var segment = KylinInput.GroupSegment(groupName, nameof(groupName));
        var body = KylinInput.Usernames(usernames, nameof(usernames));
        return KylinBuiltInGroups.RefuseMembershipChange(groupName, KylinWireShape.KapV2) is { } refused
            ? Task.FromException(refused)
            : _mismatch.RunAsync(ct => _endpoints.SetGroupUsersAsync(segment, body, ct), cancellationToken);
    }
}
