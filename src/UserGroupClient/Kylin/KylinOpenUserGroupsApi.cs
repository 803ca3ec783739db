using System.Text.Json.Serialization.Metadata;
using UserGroupClient.Http;

namespace UserGroupClient.Kylin;

/// <summary>The implementation of <see cref="IKylinOpenUserGroupsApi"/>: checks every value, then calls <see cref="IKylinOpenEndpoints"/>.</summary>
internal sealed class KylinOpenUserGroupsApi : IKylinOpenUserGroupsApi
{
    /// <summary>The media type of the open API; plain JSON reaches no handler (406), the v2 type a filter that refuses it (500).</summary>
    public const string MediaType = "application/vnd.apache.kylin-v4-public+json";

    private const KylinWireShape Shape = KylinWireShape.OpenV4;

    private static readonly KylinOpenJsonContext Json = KylinOpenJsonContext.Default;

    private readonly ApiConnection _connection;
    private readonly IKylinOpenEndpoints _endpoints;
    private readonly KylinFlavorMismatch _mismatch;
    private readonly int _defaultPageSize;

    public KylinOpenUserGroupsApi(ApiConnection connection, IKylinOpenEndpoints endpoints, KylinFlavorMismatch mismatch, int defaultPageSize)
    {
        _connection = connection;
        _endpoints = endpoints;
        _mismatch = mismatch;
        _defaultPageSize = defaultPageSize;
    }

    public Task<KylinPage<string>> ListGroupsAsync(string? groupName = null, bool isCaseSensitive = false, int pageOffset = 0, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        var size = pageSize ?? _defaultPageSize;
        KylinInput.Page(pageOffset, size);
        var name = KylinInput.Filter(groupName, nameof(groupName));
        var caseSensitive = name is null ? null : isCaseSensitive ? "true" : "false";
        return ReadPageAsync((ct) => _endpoints.ListGroupsAsync(name, caseSensitive, pageOffset, size, ct), Json.KylinEnvelopeKylinDataResultString, pageOffset, size, cancellationToken);
    }

    public IAsyncEnumerable<string> ListAllGroupsAsync(string? groupName = null, bool isCaseSensitive = false, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        KylinInput.Filter(groupName, nameof(groupName));
        return KylinPageIndexPaging.AllAsync(pageSize ?? _defaultPageSize, (index, size, ct) => ListGroupsAsync(groupName, isCaseSensitive, index, size, ct), cancellationToken);
    }

    public Task<KylinPage<KylinManagedUser>> ListGroupMembersAsync(string groupName, string? username = null, int pageOffset = 0, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        var segment = KylinInput.GroupSegment(groupName, nameof(groupName), Shape);
        var size = pageSize ?? _defaultPageSize;
        KylinInput.Page(pageOffset, size);
        var user = KylinInput.Filter(username, nameof(username));
        return ReadPageAsync(ct => _endpoints.ListGroupMembersAsync(segment, user, pageOffset, size, ct), Json.KylinEnvelopeKylinDataResultKylinManagedUser, pageOffset, size, cancellationToken);
    }

    public IAsyncEnumerable<KylinManagedUser> ListAllGroupMembersAsync(string groupName, string? username = null, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        KylinInput.GroupName(groupName, nameof(groupName), Shape);
        KylinInput.Filter(username, nameof(username));
        return KylinPageIndexPaging.AllAsync(pageSize ?? _defaultPageSize, (index, size, ct) => ListGroupMembersAsync(groupName, username, index, size, ct), cancellationToken);
    }

    public Task<KylinPage<KylinOpenGroupUsers>> ListUsersWithGroupAsync(string? groupName = null, int pageOffset = 0, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        var size = pageSize ?? _defaultPageSize;
        KylinInput.Page(pageOffset, size);
        var name = ApiUri.QueryValue(groupName, nameof(groupName));
        return ReadPageAsync(ct => _endpoints.ListUsersWithGroupAsync(pageOffset, size, name, ct), Json.KylinEnvelopeKylinDataResultKylinOpenGroupUsers, pageOffset, size, cancellationToken);
    }

    public Task CreateGroupAsync(string groupName, CancellationToken cancellationToken = default)
    {
        var body = new KylinGroupNameBody(KylinInput.NewOpenGroupName(groupName, nameof(groupName)));
        return _mismatch.RunAsync(ct => _endpoints.CreateGroupAsync(body, ct), cancellationToken);
    }

    public Task CreateGroupsAsync(IEnumerable<string> groupNames, CancellationToken cancellationToken = default)
    {
        var names = Names(groupNames, nameof(groupNames), KylinInput.NewOpenGroupName);

        // The server checks a batch's names only against the groups that exist, then saves each one: two names that
        // differ only in case would become two groups, which every other call treats as one (docs/wire/kylin.md §12.5).
        var clash = names.GroupBy(name => name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(same => same.Skip(1).Any());
        return clash is null
            ? _mismatch.RunAsync(ct => _endpoints.CreateGroupsAsync(names, ct), cancellationToken)
            : throw new ArgumentException(
                $"Kylin compares group names ignoring case, so the batch cannot create both {string.Join(" and ", clash.Select(name => $"'{name}'"))}: the server would store them as separate groups that its other calls cannot tell apart.",
                nameof(groupNames));
    }

    public Task DeleteGroupAsync(string groupName, CancellationToken cancellationToken = default)
    {
        var body = new KylinGroupNameBody(KylinInput.GroupName(groupName, nameof(groupName), Shape));
        return KylinBuiltInGroups.RefuseDelete(body.GroupName, Shape) is { } refused
            ? Task.FromException(refused)
            : _mismatch.RunAsync(ct => _endpoints.DeleteGroupAsync(body, ct), cancellationToken);
    }

    public Task DeleteGroupsAsync(IEnumerable<string> groupNames, CancellationToken cancellationToken = default)
    {
        var names = Names(groupNames, nameof(groupNames), (name, parameter) => KylinInput.GroupName(name, parameter, Shape));
        return names.Select(name => KylinBuiltInGroups.RefuseDelete(name, Shape)).FirstOrDefault(refused => refused is not null) is { } builtIn
            ? Task.FromException(builtIn)
            : _mismatch.RunAsync(ct => _endpoints.DeleteGroupsAsync(names, ct), cancellationToken);
    }

    public Task SetGroupUsersAsync(string groupName, IEnumerable<string> usernames, CancellationToken cancellationToken = default)
    {
        var body = new KylinGroupUsersBody(KylinInput.GroupName(groupName, nameof(groupName), Shape), KylinInput.Usernames(usernames, nameof(usernames)));
        return KylinBuiltInGroups.RefuseMembershipChange(body.GroupName, Shape) is { } refused
            ? Task.FromException(refused)
            : _mismatch.RunAsync(ct => _endpoints.SetGroupUsersAsync(body, ct), cancellationToken);
    }

    private static List<string> Names(IEnumerable<string> groupNames, string parameterName, Func<string?, string, string> check)
    {
        ArgumentNullException.ThrowIfNull(groupNames, parameterName);
        var names = groupNames.Select(name => check(name, parameterName)).Distinct(StringComparer.Ordinal).ToList();
        return names.Count > 0 ? names : throw new ArgumentException("At least one group name is required.", parameterName);
    }

    private async Task<KylinPage<T>> ReadPageAsync<T>(
        Func<CancellationToken, Task<Stream>> fetch,
        JsonTypeInfo<KylinEnvelope<KylinDataResult<T>>> type,
        int pageOffset,
        int pageSize,
        CancellationToken cancellationToken)
    {
        var data = await _mismatch.RunAsync(
            async ct => (await _connection.ReadAsync(fetch, type, ct).ConfigureAwait(false)).Data,
            cancellationToken).ConfigureAwait(false);
        return new KylinPage<T>(data?.Value ?? [], data?.TotalSize ?? 0, pageOffset, pageSize);
    }
}
