using UserGroupClient.Http;
using static UserGroupClient.Owl.OwlTransport;

namespace UserGroupClient.Owl;

/// <summary>The implementation of <see cref="IOwlUsersApi"/> over the transport core.</summary>
internal sealed class OwlUsersApi : IOwlUsersApi
{
    private const string UsersPath = "api/v1/users";

    private readonly ApiConnection _connection;
    private readonly int _defaultPageSize;

    public OwlUsersApi(ApiConnection connection, int defaultPageSize)
    {
        _connection = connection;
        _defaultPageSize = defaultPageSize;
    }

    public async Task<OwlUserPage> ListAsync(OwlUserListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new OwlUserListOptions();
        var query = new QueryString()
            .Add("q", OwlInput.Text(options.Search, nameof(options)))
            .Add("group_id", options.GroupId)
            .Add("status", options.Status)
            .Add("hasNull", options.HasNull is { } hasNull ? (hasNull ? 1 : 0) : null)
            .Add("page", OwlInput.Page(options.Page, nameof(options)))
            .Add("pageSize", OwlInput.PageSize(options.PageSize, nameof(options)));
        var request = Request(HttpMethod.Get, UsersPath + query);
        var response = await SendAsync(_connection, request, Json.OwlUserListResponse, cancellationToken).ConfigureAwait(false);
        var users = Require(_connection, response.Users, "users", request);
        return new OwlUserPage(users, response.Total ?? users.Count);
    }

    public IAsyncEnumerable<OwlUser> ListAllAsync(OwlUserListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new OwlUserListOptions();
        var pageSize = OwlInput.PageSize(options.PageSize, nameof(options)) ?? _defaultPageSize;
        return Paging.ByOffsetAsync(
            pageSize,
            async (offset, size, ct) =>
            {
                var page = await ListAsync(options with { Page = (offset / size) + 1, PageSize = size }, ct).ConfigureAwait(false);
                return new OffsetPage<OwlUser>(page.Users, page.Total);
            },
            cancellationToken);
    }

    public async Task<OwlUser> CreateAsync(OwlUser user, CancellationToken cancellationToken = default)
    {
        var body = Checked(user, nameof(user));
        var request = Request(HttpMethod.Put, UsersPath).AsCreate().WithJson(body with { Id = 0 }, Json.OwlUser);
        var response = await SendAsync(_connection, request, Json.OwlUserResponse, cancellationToken).ConfigureAwait(false);
        return Require(_connection, response.User, "user", request);
    }

    public Task UpdateAsync(OwlUser user, CancellationToken cancellationToken = default)
    {
        var body = Checked(user, nameof(user));
        OwlInput.Id(body.Id, nameof(user));
        return SendAsync(_connection, Request(HttpMethod.Post, UsersPath).WithJson(body, Json.OwlUser), cancellationToken);
    }

    public Task DeleteAsync(int userId, CancellationToken cancellationToken = default) =>
        SendAsync(_connection, Request(HttpMethod.Delete, Path(UsersPath, OwlInput.Id(userId, nameof(userId)))), cancellationToken);

    private static OwlUser Checked(OwlUser user, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(user, parameterName);
        if (string.IsNullOrWhiteSpace(user.Username) || string.IsNullOrWhiteSpace(user.Phone))
        {
            throw new ArgumentException("Owl requires a username and a phone number.", parameterName);
        }

        foreach (var value in new[] { user.Username, user.Phone, user.Mail ?? "", user.Weixin ?? "" })
        {
            ApiUri.RejectControlCharacters(value, parameterName);
        }

        if (user.Groups is { } groups)
        {
            OwlInput.Ids(groups.Select(g => g.Id), parameterName);
        }

        return user;
    }
}
