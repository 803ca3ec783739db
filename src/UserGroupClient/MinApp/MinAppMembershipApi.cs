namespace UserGroupClient.MinApp;

/// <summary>The implementation of <see cref="IMinAppMembershipApi"/> over the MinApp endpoints.</summary>
internal sealed class MinAppMembershipApi : IMinAppMembershipApi
{
    private static readonly MinAppJsonContext Json = MinAppJsonContext.Default;

    private readonly MinAppEndpoint _endpoint;

    public MinAppMembershipApi(MinAppEndpoint endpoint) => _endpoint = endpoint;

    public Task PatchAsync(IEnumerable<MinAppMembershipOperation> operations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var wire = operations.Select(operation => ToWire(operation, nameof(operations))).ToList();
        if (wire.Count == 0)
        {
            return Task.CompletedTask;
        }

        return _endpoint.Endpoints.PatchMembershipAsync(_endpoint.EnvironmentId, wire, cancellationToken);
    }

    public Task AddAsync(IEnumerable<long> userIds, IEnumerable<long> groupIds, CancellationToken cancellationToken = default) =>
        PatchAsync([Operation(MinAppMembershipAction.Add, userIds, groupIds)], cancellationToken);

    public Task RemoveAsync(IEnumerable<long> userIds, IEnumerable<long> groupIds, CancellationToken cancellationToken = default) =>
        PatchAsync([Operation(MinAppMembershipAction.Remove, userIds, groupIds)], cancellationToken);

    public Task<MinAppPage<MinAppUserProfile>> ListUsersAsync(IEnumerable<long> groupIds, MinAppPageRequest? page = null, CancellationToken cancellationToken = default)
    {
        var groups = GroupFilter(groupIds);
        var limit = MinAppInput.Limit(page?.Limit, _endpoint.DefaultPageSize, nameof(page));
        var offset = MinAppInput.Offset(page?.Offset, nameof(page));
        return _endpoint.PageAsync(ct => _endpoint.Endpoints.ListUserProfilesAsync(_endpoint.EnvironmentId, groups, limit, offset, ct), Json.MinAppPageMinAppUserProfile, cancellationToken);
    }

    public IAsyncEnumerable<MinAppUserProfile> ListAllUsersAsync(IEnumerable<long> groupIds, CancellationToken cancellationToken = default)
    {
        var groups = GroupFilter(groupIds);
        var limit = MinAppInput.Limit(null, _endpoint.DefaultPageSize, nameof(groupIds));
        return _endpoint.AllAsync(
            (offset, ct) => _endpoint.Endpoints.ListUserProfilesAsync(_endpoint.EnvironmentId, groups, limit, offset, ct),
            0,
            Json.MinAppPageMinAppUserProfile,
            cancellationToken);
    }

    private static MinAppMembershipOperation Operation(MinAppMembershipAction action, IEnumerable<long> userIds, IEnumerable<long> groupIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(groupIds);
        return new MinAppMembershipOperation(action, [.. userIds], [.. groupIds]);
    }

    private static MinAppMembershipOperationWire ToWire(MinAppMembershipOperation operation, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(operation, parameterName);
        var op = operation.Action switch
        {
            MinAppMembershipAction.Add => "add",
            MinAppMembershipAction.Remove => "remove",
            _ => throw new ArgumentException($"'{operation.Action}' is not a membership action.", parameterName),
        };
        var users = MinAppInput.Ids(operation.UserIds ?? [], parameterName);
        var groups = MinAppInput.Ids(operation.GroupIds ?? [], parameterName);
        if (users.Count == 0 || groups.Count == 0)
        {
            throw new ArgumentException("A membership operation needs at least one user and one group (the server refuses empty lists).", parameterName);
        }

        return new MinAppMembershipOperationWire(op, "/membership", users, groups);
    }

    private static string GroupFilter(IEnumerable<long> groupIds)
    {
        var ids = MinAppInput.Ids(groupIds, nameof(groupIds));
        return ids.Count == 0
            ? throw new ArgumentException("At least one group id is needed: without the filter the list would hold every user.", nameof(groupIds))
            : MinAppInput.Join(ids);
    }
}
