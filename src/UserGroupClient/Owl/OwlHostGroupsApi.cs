using UserGroupClient.Http;
using static UserGroupClient.Owl.OwlPayload;

namespace UserGroupClient.Owl;

/// <summary>The implementation of <see cref="IOwlHostGroupsApi"/>: checks every value, then calls <see cref="IOwlEndpoints"/>.</summary>
internal sealed class OwlHostGroupsApi : IOwlHostGroupsApi
{
    private const string GroupsPath = "api/v1/groups";

    private static readonly OwlJsonContext Json = OwlJsonContext.Default;

    private readonly ApiConnection _connection;
    private readonly IOwlEndpoints _endpoints;
    private readonly int _defaultPageSize;

    public OwlHostGroupsApi(ApiConnection connection, IOwlEndpoints endpoints, int defaultPageSize)
    {
        _connection = connection;
        _endpoints = endpoints;
        _defaultPageSize = defaultPageSize;
    }

    public async Task<IReadOnlyList<OwlHostGroup>> ListAsync(string? search = null, CancellationToken cancellationToken = default)
    {
        var query = OwlInput.Text(search, nameof(search));
        var response = await _connection.ReadAsync(ct => _endpoints.ListHostGroupsAsync(query, ct), Json.OwlHostGroupsResponse, cancellationToken).ConfigureAwait(false);
        return Require(_connection, response.Groups, "groups", HttpMethod.Get, GroupsPath);
    }

    public async Task<OwlHostGroup> CreateAsync(string name, IEnumerable<string>? hostIds = null, CancellationToken cancellationToken = default)
    {
        var body = new OwlHostGroupBody(null, OwlInput.Name(name, nameof(name)), Hosts(hostIds ?? [], nameof(hostIds)));
        var response = await _endpoints.CreateHostGroupAsync(body, cancellationToken).ConfigureAwait(false);
        return Require(_connection, response.Group, "group", HttpMethod.Put, GroupsPath);
    }

    public async Task<OwlHostGroup> UpdateAsync(int groupId, string name, IEnumerable<string> hostIds, CancellationToken cancellationToken = default)
    {
        var response = await _endpoints.UpdateHostGroupAsync(UpdateBody(groupId, name, hostIds), cancellationToken).ConfigureAwait(false);
        return Require(_connection, response.Group, "group", HttpMethod.Post, GroupsPath);
    }

    /// <summary>
    /// The update for a caller that needs nothing of the answer (the facade): an answer that leaves out the echoed
    /// group still reports the update done.
    /// </summary>
    public Task UpdateUncheckedAsync(int groupId, string name, IEnumerable<string> hostIds, CancellationToken cancellationToken) =>
        _endpoints.UpdateHostGroupAsync(UpdateBody(groupId, name, hostIds), cancellationToken);

    // The envelope, when there is one, has raised any error while it was parsed; no envelope is a resend's success.
    public Task DeleteAsync(int groupId, CancellationToken cancellationToken = default) =>
        _endpoints.DeleteHostGroupAsync(OwlInput.Id(groupId, nameof(groupId)), cancellationToken);

    public async Task<OwlGroupHostPage> ListHostsAsync(int groupId, OwlHostListOptions? options = null, CancellationToken cancellationToken = default)
    {
        OwlInput.Id(groupId, nameof(groupId));
        options ??= new OwlHostListOptions();
        var query = OwlInput.GroupHostQuery(options, nameof(options));
        var response = await _connection.ReadAsync(
            ct => _endpoints.ListGroupHostsAsync(groupId, query.Status, query.Search, query.Page, query.PageSize, ct),
            Json.OwlHostsResponse,
            cancellationToken).ConfigureAwait(false);
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

    private static OwlHostGroupBody UpdateBody(int groupId, string name, IEnumerable<string> hostIds) =>
        new(OwlInput.Id(groupId, nameof(groupId)), OwlInput.Name(name, nameof(name)), Hosts(hostIds, nameof(hostIds)));

    private static List<OwlHostReference> Hosts(IEnumerable<string> hostIds, string parameterName) =>
        OwlInput.HostIds(hostIds, parameterName).Select(id => new OwlHostReference(id)).ToList();
}
