using UserGroupClient.Http;
using static UserGroupClient.Owl.OwlPayload;

namespace UserGroupClient.Owl;

/// <summary>The implementation of <see cref="IOwlUserGroupsApi"/>: checks every value, then calls <see cref="IOwlEndpoints"/>.</summary>
internal sealed class OwlUserGroupsApi : IOwlUserGroupsApi
{
    private const string UserGroupsPath = "api/v1/usergroups";

    private readonly ApiConnection _connection;
    private readonly IOwlEndpoints _endpoints;

    public OwlUserGroupsApi(ApiConnection connection, IOwlEndpoints endpoints)
    {
        _connection = connection;
        _endpoints = endpoints;
    }

    public async Task<IReadOnlyList<OwlUserGroup>> ListAsync(string? search = null, CancellationToken cancellationToken = default)
    {
        var query = OwlInput.Text(search, nameof(search));
        var response = await _connection.ReadAsync(ct => _endpoints.ListUserGroupsAsync(query, ct), OwlJsonContext.Default.OwlUserGroupsResponse, cancellationToken).ConfigureAwait(false);
        return Require(_connection, response.Groups, "groups", HttpMethod.Get, UserGroupsPath);
    }

    public async Task<OwlUserGroup> CreateAsync(string name, IEnumerable<int>? userIds = null, CancellationToken cancellationToken = default)
    {
        var body = new OwlUserGroupBody(null, OwlInput.Name(name, nameof(name)), Users(userIds ?? [], nameof(userIds)));
        var response = await _endpoints.CreateUserGroupAsync(body, cancellationToken).ConfigureAwait(false);
        return Require(_connection, response.Group, "group", HttpMethod.Put, UserGroupsPath);
    }

    public async Task<IReadOnlyList<OwlUserGroup>> UpdateAsync(IEnumerable<OwlUserGroupUpdate> groups, CancellationToken cancellationToken = default)
    {
        var body = Bodies(groups);
        if (body.Count == 0)
        {
            return [];
        }

        // Owl v4 skips ids that name no group and its answer echoes the request, so only the list can tell them.
        var existing = (await ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Select(group => group.Id).ToHashSet();
        UserGroupUnknownIdsException.ThrowIfAny(body.Select(group => group.Id!.Value), existing, "Owl", "Owl user groups", "user group");
        return await SendUpdateAsync(body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The update without the check of the group ids, for a caller that has just read the groups and needs nothing of
    /// the answer (the facade): an answer that leaves out the echoed groups still reports the update done.
    /// </summary>
    public Task UpdateUncheckedAsync(IEnumerable<OwlUserGroupUpdate> groups, CancellationToken cancellationToken) =>
        _endpoints.UpdateUserGroupsAsync(Bodies(groups), cancellationToken);

    // The envelope, when there is one, has raised any error while it was parsed; no envelope is a resend's success.
    public Task DeleteAsync(int groupId, CancellationToken cancellationToken = default) =>
        _endpoints.DeleteUserGroupAsync(OwlInput.Id(groupId, nameof(groupId)), cancellationToken);

    private static List<OwlUserGroupBody> Bodies(IEnumerable<OwlUserGroupUpdate> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var body = new List<OwlUserGroupBody>();
        foreach (var group in groups)
        {
            ArgumentNullException.ThrowIfNull(group, nameof(groups));
            body.Add(new OwlUserGroupBody(OwlInput.Id(group.Id, nameof(groups)), OwlInput.Name(group.Name, nameof(groups)), Users(group.UserIds, nameof(groups))));
        }

        return body;
    }

    private async Task<IReadOnlyList<OwlUserGroup>> SendUpdateAsync(List<OwlUserGroupBody> body, CancellationToken cancellationToken)
    {
        var response = await _endpoints.UpdateUserGroupsAsync(body, cancellationToken).ConfigureAwait(false);
        return Require(_connection, response.Groups, "groups", HttpMethod.Post, UserGroupsPath);
    }

    private static List<OwlUserReference> Users(IEnumerable<int> userIds, string parameterName) =>
        OwlInput.Ids(userIds, parameterName).Select(id => new OwlUserReference(id)).ToList();
}
