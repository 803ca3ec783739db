using UserGroupClient.Http;
using static UserGroupClient.Owl.OwlPayload;

namespace UserGroupClient.Owl;

/// <summary>The implementation of <see cref="IOwlUsersApi"/>: checks every value, then calls <see cref="IOwlEndpoints"/>.</summary>
internal sealed class OwlUsersApi : IOwlUsersApi
{
    private const string UsersPath = "api/v1/users";

    private readonly ApiConnection _connection;
    private readonly IOwlEndpoints _endpoints;
    private readonly int _defaultPageSize;
    private readonly IOwlUserGroupsApi _userGroups;

    public OwlUsersApi(ApiConnection connection, IOwlEndpoints endpoints, int defaultPageSize, IOwlUserGroupsApi userGroups)
    {
        _connection = connection;
        _endpoints = endpoints;
        _defaultPageSize = defaultPageSize;
        _userGroups = userGroups;
    }

    public async Task<OwlUserPage> ListAsync(OwlUserListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new OwlUserListOptions();
        var search = OwlInput.Text(options.Search, nameof(options));
        var (groupId, status) = (OwlInput.GroupFilter(options.GroupId, nameof(options)), OwlInput.UserStatus(options.Status, nameof(options)));
        int? hasNull = options.HasNull is { } flag ? (flag ? 1 : 0) : null;
        var page = OwlInput.Page(options.Page, nameof(options));
        var pageSize = OwlInput.PageSize(options.PageSize, nameof(options));
        var response = await _connection.ReadAsync(
            ct => _endpoints.ListUsersAsync(search, groupId, status, hasNull, page, pageSize, ct),
            OwlJsonContext.Default.OwlUserListResponse,
            cancellationToken).ConfigureAwait(false);
        var users = Require(_connection, response.Users, "users", HttpMethod.Get, UsersPath);
        // The count stands apart: Stryker's mutant of a Count inside ?? fails to compile where it cannot tell the mutant,
        // and then leaves every mutant of this method untried.
        var listed = users.Count;
        return new OwlUserPage(users, response.Total ?? listed);
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
        var response = await _endpoints.CreateUserAsync(body with { Id = 0 }, cancellationToken).ConfigureAwait(false);
        return Require(_connection, response.User, "user", HttpMethod.Put, UsersPath);
    }

    public async Task<OwlUser> UpdateAsync(int userId, OwlUserUpdate changes, CancellationToken cancellationToken = default)
    {
        OwlInput.Id(userId, nameof(userId));
        var groupIds = CheckedChanges(changes, nameof(changes));
        var all = await ListAsync(new OwlUserListOptions { Page = 0 }, cancellationToken).ConfigureAwait(false);
        var current = all.Users.FirstOrDefault(user => user.Id == userId)
            ?? throw new UserGroupNotFoundException($"Owl users: no user has id {userId}; nothing was changed.") { Dialect = "Owl" };
        var groups = groupIds is null ? current.Groups ?? [] : await GroupsAsync(groupIds, cancellationToken).ConfigureAwait(false);
        var user = current with
        {
            Username = changes.Username ?? current.Username,
            Role = changes.Role ?? current.Role,
            Phone = changes.Phone ?? current.Phone,
            Mail = changes.Mail ?? current.Mail,
            Weixin = changes.Weixin ?? current.Weixin,
            Status = changes.Status ?? current.Status,
            Groups = groups,
        };

        // Only the groups' ids matter to Owl.
        var body = user with { Groups = groups.Select(group => new OwlGroupReference { Id = group.Id }).ToList() };
        await _endpoints.UpdateUserAsync(body, cancellationToken).ConfigureAwait(false);
        return user;
    }

    // The envelope, when there is one, has raised any error while it was parsed; no envelope is a resend's success.
    public Task DeleteAsync(int userId, CancellationToken cancellationToken = default) =>
        _endpoints.DeleteUserAsync(OwlInput.Id(userId, nameof(userId)), cancellationToken);

    // Owl applies the known groups and then fails on an unknown one, after the other fields are written.
    private async Task<IReadOnlyList<OwlGroupReference>> GroupsAsync(List<int> groupIds, CancellationToken cancellationToken)
    {
        if (groupIds.Count == 0)
        {
            return [];
        }

        var existing = (await _userGroups.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).ToDictionary(group => group.Id);
        UserGroupUnknownIdsException.ThrowIfAny(groupIds, existing.Keys.ToHashSet(), "Owl", "Owl users", "user group");
        return groupIds.Select(id => new OwlGroupReference { Id = id, Name = existing[id].Name }).ToList();
    }

    /// <summary>Checks the given changes (the current values come from the server as they are); returns the checked group ids.</summary>
    private static List<int>? CheckedChanges(OwlUserUpdate changes, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(changes, parameterName);
        if (changes.Username is { } username && string.IsNullOrWhiteSpace(username))
        {
            throw new ArgumentException("An Owl username must not be empty or whitespace.", parameterName);
        }

        if (changes.Phone is { } phone && string.IsNullOrWhiteSpace(phone))
        {
            throw new ArgumentException("Owl requires a phone number; it must not be empty or whitespace.", parameterName);
        }

        RejectControlCharacters(parameterName, changes.Username, changes.Phone, changes.Mail, changes.Weixin);
        return changes.GroupIds is null ? null : OwlInput.Ids(changes.GroupIds, parameterName);
    }

    private static OwlUser Checked(OwlUser user, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(user, parameterName);
        if (string.IsNullOrWhiteSpace(user.Username) || string.IsNullOrWhiteSpace(user.Phone))
        {
            throw new ArgumentException("Owl requires a username and a phone number.", parameterName);
        }

        RejectControlCharacters(parameterName, user.Username, user.Phone, user.Mail, user.Weixin);
        if (user.Groups is { } groups)
        {
            OwlInput.Ids(groups.Select(g => g.Id), parameterName);
        }

        return user;
    }

    // A null value is a change not asked for, or a field a caller set to null (sent as JSON null): no text to check.
    private static void RejectControlCharacters(string parameterName, params string?[] values)
    {
        foreach (var value in values)
        {
            if (value is not null)
            {
                ApiUri.RejectControlCharacters(value, parameterName);
            }
        }
    }
}
