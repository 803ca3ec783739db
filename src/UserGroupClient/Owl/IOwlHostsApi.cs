namespace UserGroupClient.Owl;

/// <summary>Owl's host list (<c>/api/v1/hosts</c>).</summary>
public interface IOwlHostsApi
{
    /// <summary>
    /// <c>GET /api/v1/hosts</c>: hosts ordered by status. Without <see cref="OwlHostListOptions.Page"/> the server returns
    /// every host at once; host groups, metrics and plugins are filled in only on paged requests.
    /// </summary>
    Task<OwlHostPage> ListAsync(OwlHostListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Every matching host, page by page with <see cref="ListAsync"/> until <c>total</c> is reached (<see cref="OwlHostListOptions.Page"/> is ignored).</summary>
    IAsyncEnumerable<OwlHost> ListAllAsync(OwlHostListOptions? options = null, CancellationToken cancellationToken = default);
}
