using UserGroupClient.Http;
using static UserGroupClient.Owl.OwlTransport;

namespace UserGroupClient.Owl;

/// <summary>The implementation of <see cref="IOwlHostsApi"/> over the transport core.</summary>
internal sealed class OwlHostsApi : IOwlHostsApi
{
    private const string HostsPath = "api/v1/hosts";

    private readonly ApiConnection _connection;
    private readonly int _defaultPageSize;

    public OwlHostsApi(ApiConnection connection, int defaultPageSize)
    {
        _connection = connection;
        _defaultPageSize = defaultPageSize;
    }

    public async Task<OwlHostPage> ListAsync(OwlHostListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new OwlHostListOptions();
        var query = new QueryString()
            .Add("group_id", options.GroupId is { } groupId ? Math.Max(0, groupId) : null)
            .Add("status", OwlInput.Text(options.Status, nameof(options)))
            .Add("q", OwlInput.Text(options.Search, nameof(options)))
            .Add("page", OwlInput.Page(options.Page, nameof(options)))
            .Add("pageSize", OwlInput.PageSize(options.PageSize, nameof(options)));
        var request = Request(HttpMethod.Get, HostsPath + query);
        var response = await SendAsync(_connection, request, Json.OwlHostsResponse, cancellationToken).ConfigureAwait(false);
        var hosts = Require(_connection, response.Hosts, "hosts", request);
        return new OwlHostPage(hosts, response.Total ?? hosts.Count);
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
