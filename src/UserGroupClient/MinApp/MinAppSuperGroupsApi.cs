using System.Globalization;
using UserGroupClient.Http;

namespace UserGroupClient.MinApp;

/// <summary>The implementation of <see cref="IMinAppSuperGroupsApi"/> over the transport core.</summary>
internal sealed class MinAppSuperGroupsApi : IMinAppSuperGroupsApi
{
    private const string SuperGroupsPath = "oserve/v1/user-supergroup/";

    private static readonly MinAppJsonContext Json = MinAppJsonContext.Default;

    private readonly MinAppEndpoint _endpoint;

    public MinAppSuperGroupsApi(MinAppEndpoint endpoint) => _endpoint = endpoint;

    public Task<MinAppPage<MinAppSuperGroup>> ListAsync(MinAppPageRequest? page = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryString()
            .Add("limit", MinAppInput.Limit(page?.Limit, _endpoint.DefaultPageSize, nameof(page)))
            .Add("offset", MinAppInput.Offset(page?.Offset, nameof(page)));
        return _endpoint.SendAsync(_endpoint.Request(HttpMethod.Get, SuperGroupsPath + query), Json.MinAppPageMinAppSuperGroup, cancellationToken);
    }

    public IAsyncEnumerable<MinAppSuperGroup> ListAllAsync(CancellationToken cancellationToken = default) =>
        _endpoint.AllAsync(SuperGroupsPath, query => query, MinAppInput.Limit(null, _endpoint.DefaultPageSize, "page"), 0, Json.MinAppPageMinAppSuperGroup, cancellationToken);

    public Task<MinAppSuperGroup> GetAsync(long superGroupId, CancellationToken cancellationToken = default) =>
        _endpoint.SendAsync(_endpoint.Request(HttpMethod.Get, SuperGroupPath(superGroupId)), Json.MinAppSuperGroup, cancellationToken);

    public Task<MinAppSuperGroup> CreateAsync(MinAppSuperGroupCreate superGroup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(superGroup);
        var children = superGroup.Children is null ? null : MinAppInput.Ids(superGroup.Children, nameof(superGroup));
        var body = new MinAppSuperGroupBody(MinAppInput.Name(superGroup.Name, nameof(superGroup)), children);
        var request = _endpoint.Request(HttpMethod.Post, SuperGroupsPath).WithJson(body, Json.MinAppSuperGroupBody);
        return _endpoint.SendForObjectAsync(request, Json.MinAppSuperGroup, null, GetAsync, cancellationToken);
    }

    public Task<MinAppSuperGroup> UpdateAsync(long superGroupId, MinAppSuperGroupUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var path = SuperGroupPath(superGroupId);
        ArgumentNullException.ThrowIfNull(update.Children, nameof(update));
        var body = new MinAppSuperGroupBody(MinAppInput.Name(update.Name, nameof(update)), MinAppInput.Ids(update.Children, nameof(update)));
        var request = _endpoint.Request(HttpMethod.Put, path).WithJson(body, Json.MinAppSuperGroupBody);
        return _endpoint.SendForObjectAsync(request, Json.MinAppSuperGroup, superGroupId, GetAsync, cancellationToken);
    }

    public Task DeleteAsync(long superGroupId, CancellationToken cancellationToken = default) =>
        _endpoint.SendAsync(_endpoint.Request(HttpMethod.Delete, SuperGroupPath(superGroupId)), cancellationToken);

    public Task BulkDeleteAsync(IEnumerable<long> superGroupIds, CancellationToken cancellationToken = default)
    {
        var ids = MinAppInput.Ids(superGroupIds, nameof(superGroupIds));
        return ids.Count == 0
            ? Task.CompletedTask
            : _endpoint.SendAsync(_endpoint.Request(HttpMethod.Delete, SuperGroupsPath + new QueryString().Add("id__in", MinAppInput.Join(ids))), cancellationToken);
    }

    private static string SuperGroupPath(long superGroupId) =>
        SuperGroupsPath + MinAppInput.Id(superGroupId, nameof(superGroupId)).ToString(CultureInfo.InvariantCulture) + "/";
}
