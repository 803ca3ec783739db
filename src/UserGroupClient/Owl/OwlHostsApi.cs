using UserGroupClient.Http;
using static UserGroupClient.Owl.OwlPayload;

namespace UserGroupClient.Owl;

/// <summary>The implementation of <see cref="IOwlHostsApi"/>: checks every value, then calls <see cref="IOwlEndpoints"/>.</summary>
internal sealed class OwlHostsApi : IOwlHostsApi
{
    private const string HostsPath = "api/v1/hosts";

    private readonly ApiConnection _connection;
    private readonly IOwlEndpoints _endpoints;
    private readonly int _defaultPageSize;

    public OwlHostsApi(ApiConnection connection, IOwlEndpoints endpoints, int defaultPageSize)
    {
        _connection = connection;
        _endpoints = endpoints;
        _defaultPageSize = defaultPageSize;
    }

    public async Task<OwlHostPage> ListAsync(OwlHostListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new OwlHostListOptions();
        var group = OwlInput.GroupFilter(options.GroupId, nameof(options));
        var query = OwlInput.HostQuery(options, nameof(options));
        var response = await _connection.ReadAsync(
            ct => _endpoints.ListHostsAsync(group, query.Status, query.Search, query.Page, query.PageSize, ct),
            OwlJsonContext.Default.OwlHostsResponse,
            cancellationToken).ConfigureAwait(false);
        var hosts = Require(_connection, response.Hosts, "hosts", HttpMethod.Get, HostsPath);
        // The count stands apart: Stryker's mutant of a Count inside ?? fails to compile where it cannot tell the mutant,
        // and then leaves every mutant of this method untried.
        var listed = hosts.Count;
        return new OwlHostPage(hosts, response.Total ?? listed);
    }

    public IAsyncEnumerable<OwlHost> ListAllAsync(OwlHostListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new OwlHostListOptions();
        var pageSize = OwlInput.PageSize(options.PageSize, nameof(options)) ?? _defaultPageSize;
        return Paging.ByOffsetAsync(
            pageSize,
            async (offset, size, ct) =>
            {
                var page = await ListAsync(options with { Page = (offset / size) + 1, PageSize = size }, ct).ConfigureAwait(false);
                return new OffsetPage<OwlHost>(page.Hosts, page.Total);
            },
            cancellationToken);
    }
}
