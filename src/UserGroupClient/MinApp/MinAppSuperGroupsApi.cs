namespace UserGroupClient.MinApp;

/// <summary>The implementation of <see cref="IMinAppSuperGroupsApi"/> over the MinApp endpoints.</summary>
internal sealed class MinAppSuperGroupsApi : IMinAppSuperGroupsApi
{
    private static readonly MinAppJsonContext Json = MinAppJsonContext.Default;

    private readonly MinAppEndpoint _endpoint;

    public MinAppSuperGroupsApi(MinAppEndpoint endpoint) => _endpoint = endpoint;

    public Task<MinAppPage<MinAppSuperGroup>> ListAsync(MinAppPageRequest? page = null, CancellationToken cancellationToken = default)
    {
        var limit = MinAppInput.Limit(page?.Limit, _endpoint.DefaultPageSize, nameof(page));
        var offset = MinAppInput.Offset(page?.Offset, nameof(page));
        return _endpoint.PageAsync(ct => _endpoint.Endpoints.ListSuperGroupsAsync(_endpoint.EnvironmentId, limit, offset, ct), Json.MinAppPageMinAppSuperGroup, cancellationToken);
    }

    public IAsyncEnumerable<MinAppSuperGroup> ListAllAsync(CancellationToken cancellationToken = default)
    {
        // Stryker disable once String : the name of a page size that is never refused (none is asked for, so the default is taken)
        var limit = MinAppInput.Limit(null, _endpoint.DefaultPageSize, "page");
        return _endpoint.AllAsync(
            (offset, ct) => _endpoint.Endpoints.ListSuperGroupsAsync(_endpoint.EnvironmentId, limit, offset, ct),
            0,
            Json.MinAppPageMinAppSuperGroup,
            cancellationToken);
    }

    public Task<MinAppSuperGroup> GetAsync(long superGroupId, CancellationToken cancellationToken = default) =>
        _endpoint.Endpoints.GetSuperGroupAsync(_endpoint.EnvironmentId, MinAppInput.Id(superGroupId, nameof(superGroupId)), cancellationToken);

    public Task<MinAppSuperGroup> CreateAsync(MinAppSuperGroupCreate superGroup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(superGroup);
        var children = superGroup.Children is null ? null : MinAppInput.Ids(superGroup.Children, nameof(superGroup));
        var body = new MinAppSuperGroupBody(MinAppInput.Name(superGroup.Name, nameof(superGroup)), children);
        return _endpoint.ObjectAsync(_endpoint.Endpoints.CreateSuperGroupAsync(_endpoint.EnvironmentId, body, cancellationToken), null, GetAsync, cancellationToken);
    }

    public Task<MinAppSuperGroup> UpdateAsync(long superGroupId, MinAppSuperGroupUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var id = MinAppInput.Id(superGroupId, nameof(superGroupId));
        var body = new MinAppSuperGroupBody(MinAppInput.Name(update.Name, nameof(update)), MinAppInput.Ids(update.Children, nameof(update)));
        return _endpoint.ObjectAsync(_endpoint.Endpoints.UpdateSuperGroupAsync(_endpoint.EnvironmentId, id, body, cancellationToken), id, GetAsync, cancellationToken);
    }

    public Task DeleteAsync(long superGroupId, CancellationToken cancellationToken = default) =>
        _endpoint.Endpoints.DeleteSuperGroupAsync(_endpoint.EnvironmentId, MinAppInput.Id(superGroupId, nameof(superGroupId)), cancellationToken);

    public Task BulkDeleteAsync(IEnumerable<long> superGroupIds, CancellationToken cancellationToken = default)
    {
        var ids = MinAppInput.Ids(superGroupIds, nameof(superGroupIds));
        return ids.Count == 0
            ? Task.CompletedTask
            : _endpoint.Endpoints.DeleteSuperGroupsAsync(_endpoint.EnvironmentId, MinAppInput.Join(ids), cancellationToken);
    }
}
