using System.Globalization;
using UserGroupClient.Http;

namespace UserGroupClient.MinApp;

/// <summary>The implementation of <see cref="IMinAppUserGroupsApi"/> over the transport core.</summary>
internal sealed class MinAppUserGroupsApi : IMinAppUserGroupsApi
{
    private const string GroupsPath = "oserve/v1/user-group/";

    private static readonly MinAppJsonContext Json = MinAppJsonContext.Default;

    private readonly MinAppEndpoint _endpoint;

    public MinAppUserGroupsApi(MinAppEndpoint endpoint) => _endpoint = endpoint;

    public Task<MinAppPage<MinAppUserGroup>> ListAsync(MinAppUserGroupListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new MinAppUserGroupListOptions();
        var query = Filter(options, new QueryString()
            .Add("limit", MinAppInput.Limit(options.Limit, _endpoint.DefaultPageSize, nameof(options)))
            .Add("offset", MinAppInput.Offset(options.Offset, nameof(options))));
        return _endpoint.SendAsync(_endpoint.Request(HttpMethod.Get, GroupsPath + query), Json.MinAppPageMinAppUserGroup, cancellationToken);
    }

    public IAsyncEnumerable<MinAppUserGroup> ListAllAsync(MinAppUserGroupListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new MinAppUserGroupListOptions();
        var limit = MinAppInput.Limit(options.Limit, _endpoint.DefaultPageSize, nameof(options));
        var start = MinAppInput.Offset(options.Offset, nameof(options)) ?? 0;
        _ = Filter(options, new QueryString()); // checks the parent id now rather than at the first MoveNextAsync
        return _endpoint.AllAsync(GroupsPath, query => Filter(options, query), limit, start, Json.MinAppPageMinAppUserGroup, cancellationToken);
    }

    public Task<MinAppUserGroup> GetAsync(long groupId, CancellationToken cancellationToken = default) =>
        _endpoint.SendAsync(_endpoint.Request(HttpMethod.Get, GroupPath(groupId)), Json.MinAppUserGroup, cancellationToken);

    public Task<MinAppUserGroup> CreateAsync(MinAppUserGroupCreate group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        var body = new MinAppUserGroupBody(MinAppInput.Name(group.Name, nameof(group)), group.ParentId is { } parent ? MinAppInput.Id(parent, nameof(group)) : null);
        var request = _endpoint.Request(HttpMethod.Post, GroupsPath).WithJson(body, Json.MinAppUserGroupBody);
        return _endpoint.SendForObjectAsync(request, Json.MinAppUserGroup, null, GetAsync, cancellationToken);
    }

    public Task<MinAppUserGroup> UpdateAsync(long groupId, MinAppUserGroupUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var path = GroupPath(groupId);
        var name = MinAppInput.Name(update.Name, nameof(update));
        ApiRequest request;
        if (update.RemoveParent)
        {
            if (update.ParentId is not null)
            {
                throw new ArgumentException("A group cannot be moved to a supergroup and taken out of its supergroup at once.", nameof(update));
            }

            request = _endpoint.Request(HttpMethod.Put, path).WithJson(new MinAppUserGroupDetachBody(name, null), Json.MinAppUserGroupDetachBody);
        }
        else
        {
            var parent = update.ParentId is { } id ? MinAppInput.Id(id, nameof(update)) : (long?)null;
            request = _endpoint.Request(HttpMethod.Put, path).WithJson(new MinAppUserGroupBody(name, parent), Json.MinAppUserGroupBody);
        }

        return _endpoint.SendForObjectAsync(request, Json.MinAppUserGroup, groupId, GetAsync, cancellationToken);
    }

    public Task DeleteAsync(long groupId, CancellationToken cancellationToken = default) =>
        _endpoint.SendAsync(_endpoint.Request(HttpMethod.Delete, GroupPath(groupId)), cancellationToken);

    public Task BulkDeleteAsync(IEnumerable<long> groupIds, CancellationToken cancellationToken = default)
    {
        var ids = MinAppInput.Ids(groupIds, nameof(groupIds));
        return ids.Count == 0
            ? Task.CompletedTask
            : _endpoint.SendAsync(_endpoint.Request(HttpMethod.Delete, GroupsPath + new QueryString().Add("id__in", MinAppInput.Join(ids))), cancellationToken);
    }

    private static string GroupPath(long groupId) =>
        GroupsPath + MinAppInput.Id(groupId, nameof(groupId)).ToString(CultureInfo.InvariantCulture) + "/";

    private static QueryString Filter(MinAppUserGroupListOptions options, QueryString query) =>
        options.ParentId is { } parent ? query.Add("parent_id", MinAppInput.Id(parent, nameof(options)).ToString(CultureInfo.InvariantCulture)) : query;
}
