namespace UserGroupClient.MinApp;

/// <summary>The implementation of <see cref="IMinAppUserGroupsApi"/> over the MinApp endpoints.</summary>
internal sealed class MinAppUserGroupsApi : IMinAppUserGroupsApi
{
    private static readonly MinAppJsonContext Json = MinAppJsonContext.Default;

    private readonly MinAppEndpoint _endpoint;

    public MinAppUserGroupsApi(MinAppEndpoint endpoint) => _endpoint = endpoint;

    public Task<MinAppPage<MinAppUserGroup>> ListAsync(MinAppUserGroupListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new MinAppUserGroupListOptions();
        var limit = MinAppInput.Limit(options.Limit, _endpoint.DefaultPageSize, nameof(options));
        var offset = MinAppInput.Offset(options.Offset, nameof(options));
        var parentId = ParentId(options);
        return _endpoint.PageAsync(ct => _endpoint.Endpoints.ListUserGroupsAsync(_endpoint.EnvironmentId, limit, offset, parentId, ct), Json.MinAppPageMinAppUserGroup, cancellationToken);
    }

    public IAsyncEnumerable<MinAppUserGroup> ListAllAsync(MinAppUserGroupListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new MinAppUserGroupListOptions();
        var limit = MinAppInput.Limit(options.Limit, _endpoint.DefaultPageSize, nameof(options));
        var start = MinAppInput.Offset(options.Offset, nameof(options)) ?? 0;
        var parentId = ParentId(options);
        return _endpoint.AllAsync(
            (offset, ct) => _endpoint.Endpoints.ListUserGroupsAsync(_endpoint.EnvironmentId, limit, offset, parentId, ct),
            start,
            Json.MinAppPageMinAppUserGroup,
            cancellationToken);
    }

    public Task<MinAppUserGroup> GetAsync(long groupId, CancellationToken cancellationToken = default) =>
        _endpoint.Endpoints.GetUserGroupAsync(_endpoint.EnvironmentId, MinAppInput.Id(groupId, nameof(groupId)), cancellationToken);

    public Task<MinAppUserGroup> CreateAsync(MinAppUserGroupCreate group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        var body = new MinAppUserGroupBody(MinAppInput.Name(group.Name, nameof(group)), group.ParentId is { } parent ? MinAppInput.Id(parent, nameof(group)) : null);
        return _endpoint.ObjectAsync(_endpoint.Endpoints.CreateUserGroupAsync(_endpoint.EnvironmentId, body, cancellationToken), null, GetAsync, cancellationToken);
    }

    public Task<MinAppUserGroup> UpdateAsync(long groupId, MinAppUserGroupUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var id = MinAppInput.Id(groupId, nameof(groupId));
        var name = MinAppInput.Name(update.Name, nameof(update));
        if (update.RemoveParent)
        {
            if (update.ParentId is not null)
            {
                throw new ArgumentException("A group cannot be moved to a supergroup and taken out of its supergroup at once.", nameof(update));
            }

            return _endpoint.ObjectAsync(_endpoint.Endpoints.DetachUserGroupAsync(_endpoint.EnvironmentId, id, new MinAppUserGroupDetachBody(name, null), cancellationToken), id, GetAsync, cancellationToken);
        }

        var parent = update.ParentId is { } parentId ? MinAppInput.Id(parentId, nameof(update)) : (long?)null;
        return _endpoint.ObjectAsync(_endpoint.Endpoints.UpdateUserGroupAsync(_endpoint.EnvironmentId, id, new MinAppUserGroupBody(name, parent), cancellationToken), id, GetAsync, cancellationToken);
    }

    public Task DeleteAsync(long groupId, CancellationToken cancellationToken = default) =>
        _endpoint.Endpoints.DeleteUserGroupAsync(_endpoint.EnvironmentId, MinAppInput.Id(groupId, nameof(groupId)), cancellationToken);

    public Task BulkDeleteAsync(IEnumerable<long> groupIds, CancellationToken cancellationToken = default)
    {
        var ids = MinAppInput.Ids(groupIds, nameof(groupIds));
        return ids.Count == 0
            ? Task.CompletedTask
            : _endpoint.Endpoints.DeleteUserGroupsAsync(_endpoint.EnvironmentId, MinAppInput.Join(ids), cancellationToken);
    }

    private static long? ParentId(MinAppUserGroupListOptions options) =>
        options.ParentId is { } parent ? MinAppInput.Id(parent, nameof(options)) : null;
}
