using System.Runtime.CompilerServices;

namespace UserGroupClient.Kylin;

/// <summary>The unified service's operations on Apache Kylin 3.x/4.x's API.</summary>
internal sealed class KylinApacheServiceWire(IKylinApacheUserGroupsApi api) : IKylinServiceWire
{
    public KylinWireShape Shape => KylinWireShape.Apache;

    public async IAsyncEnumerable<string> ListGroupNamesAsync(string? search, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A blank search is matched on the client (the facade keeps names that contain it): the server would drop it anyway.
        var name = string.IsNullOrWhiteSpace(search) ? null : search;
        await foreach (var group in api.ListAllGroupsAsync(name, isFuzzMatch: name is not null, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return group.Name;
        }
    }

    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken) =>
        (await api.ListGroupsAsync(name, isFuzzMatch: false, cancellationToken: cancellationToken).ConfigureAwait(false)).Items
            .Any(group => string.Equals(group.Name, name, StringComparison.Ordinal));

    public Task CreateGroupAsync(string name, CancellationToken cancellationToken) => api.CreateGroupAsync(name, cancellationToken);

    public Task DeleteGroupAsync(string name, CancellationToken cancellationToken) => api.DeleteGroupAsync(name, cancellationToken);

    public async IAsyncEnumerable<string> ListMemberNamesAsync(string name, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var user in await api.ListGroupUsersAsync(name, cancellationToken).ConfigureAwait(false))
        {
            yield return user.Username;
        }
    }

    public Task SetMembersAsync(string name, IReadOnlyList<string> usernames, CancellationToken cancellationToken) =>
        api.SetGroupUsersAsync(name, usernames, cancellationToken);

    public string GroupName(string? name, string parameterName) => KylinInput.GroupName(name, parameterName, Shape);

    public string NewGroupName(string? name, string parameterName) => KylinInput.GroupName(name, parameterName, Shape);
}
