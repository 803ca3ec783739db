using UserGroupClient.Http;
using static UserGroupClient.Owl.OwlTransport;

namespace UserGroupClient.Owl;

/// <summary>The implementation of <see cref="IOwlHostGroupsApi"/> over the transport core.</summary>
internal sealed class OwlHostGroupsApi : IOwlHostGroupsApi
{
    private const string GroupsPath = "api/v1/groups";

    private readonly ApiConnection _connection;
    private readonly int _defaultPageSize;

    public OwlHostGroupsApi(ApiConnection connection, int defaultPageSize)
    {
        _connection = connection;
        _defaultPageSize = defaultPageSize;
    }

    public async Task<IReadOnlyList<OwlHostGroup>> ListAsync(string? search = null, CancellationToken cancellationToken = default)
    {
        var request = Request(HttpMethod.Get, GroupsPath + new QueryString().Add("q", OwlInput.Text(search, nameof(search))));
        var response = await SendAsync(_connection, request, Json.OwlHostGroupsResponse, cancellationToken).ConfigureAwait(false);
        return Require(_connection, response.Groups, "groups", request);
    }

    public async Task<OwlHostGroup> CreateAsync(string name, IEnumerable<string>? hostIds = null, CancellationToken cancellationToken = default)
    {
        var body = new OwlHostGroupBody(null, OwlInput.Name(name, nameof(name)), Hosts(hostIds ?? [], nameof(hostIds)));
        var request = Request(HttpMethod.Put, GroupsPath).AsCreate().WithJson(body, Json.OwlHostGroupBody);
        var response = await SendAsync(_connection, request, Json.OwlHostGroupResponse, cancellationToken).ConfigureAwait(false);
        return Require(_connection, response.Group, "group", request);
    }

    public async Task<OwlHostGroup> UpdateAsync(int groupId, string name, IEnumerable<string> hostIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hostIds);
        var body = new OwlHostGroupBody(OwlInput.Id(groupId, nameof(groupId)), OwlInput.Name(name, nameof(name)), Hosts(hostIds, nameof(hostIds)));
        var request = Request(HttpMethod.Post, GroupsPath).WithJson(body, Json.OwlHostGroupBody);
        var response = await SendAsync(_connection, request, Json.OwlHostGroupResponse, cancellationToken).ConfigureAwait(false);
        return Require(_connection, response.Group, "group", request);
    }

    public Task DeleteAsync(int groupId, CancellationToken cancellationToken = default) =>
        SendDeleteAsync(_connection, Request(HttpMethod.Delete, Path(GroupsPath, OwlInput.Id(groupId, nameof(groupId)))), cancellationToken);

    public async Task<OwlGroupHostPage> ListHostsAsync(int groupId, OwlHostListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var path = Path(GroupsPath, OwlInput.Id(groupId, nameof(groupId))) + "/hosts";
        options ??= new OwlHostListOptions();
        var query = new QueryString()
            .Add("status", OwlInput.Text(options.Status, nameof(options)))
            .Add("q", OwlInput.Text(options.Search, nameof(options)))
            .Add("page", OwlInput.Page(options.Page, nameof(options)))
            .Add("pageSize", OwlInput.PageSize(options.PageSize, nameof(options)));
        var request = Request(HttpMethod.Get, path + query);
        var response = await SendAsync(_connection, request, Json.OwlHostsResponse, cancellationToken).ConfigureAwait(false);
        return new OwlGroupHostPage(response.Hosts ?? [], response.MetricCount, response.HostCount);
    }

    public IAsyncEnumerable<OwlHost> ListAllHostsAsync(int groupId, OwlHostListOptions? options = null, CancellationToken cancellationToken = default)
    {
        OwlInput.Id(groupId, nameof(groupId));
        options ??= new OwlHostListOptions();
        var pageSize = OwlInput.PageSize(options.PageSize, nameof(options)) ?? _defaultPageSize;

        // No total here, and page=0 is not "all" on this endpoint: page until a page is shorter than the page size.
        return Paging.ByOffsetAsync(
            pageSize,
            async (offset, size, ct) =>
            {
                var page = await ListHostsAsync(groupId, options with { Page = (offset / size) + 1, PageSize = size }, ct).ConfigureAwait(false);
                return new OffsetPage<OwlHost>(page.Hosts, null);
            },
            cancellationToken);
    }

    private static List<OwlHostReference> Hosts(IEnumerable<string> hostIds, string parameterName) =>
        OwlInput.HostIds(hostIds, parameterName).Select(id => new OwlHostReference(id)).ToList();
}
