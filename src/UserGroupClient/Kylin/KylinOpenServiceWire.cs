using System.Runtime.CompilerServices;

namespace UserGroupClient.Kylin;

/// <summary>The unified service's operations on the v4-public open API of Kylin 5 and Kyligence Enterprise 4.x.</summary>
internal sealed class KylinOpenServiceWire(IKylinOpenUserGroupsApi api) : IKylinServiceWire
{
    public KylinWireShape Shape => KylinWireShape.OpenV4;

    public async IAsyncEnumerable<string> ListGroupNamesAsync(string? search, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A blank search is matched on the client (the facade keeps names that contain it): the server would drop it anyway.
        var name = string.IsNullOrWhiteSpace(search) ? null : search;
        await foreach (var group in api.ListAllGroupsAsync(name, isCaseSensitive: false, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return group;
        }
    }

    // The server matches names that contain the text; the exact name is picked here.
    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken)
    {
        await foreach (var group in api.ListAllGroupsAsync(name, isCaseSensitive: true, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(group, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public Task CreateGroupAsync(string name, CancellationToken cancellationToken) => api.CreateGroupAsync(name, cancellationToken);

    public Task DeleteGroupAsync(string name, CancellationToken cancellationToken) => api.DeleteGroupAsync(name, cancellationToken);

    public async IAsyncEnumerable<string> ListMemberNamesAsync(string name, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var user in api.ListAllGroupMembersAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return user.Username;
        }
    }

    public Task SetMembersAsync(string name, IReadOnlyList<string> usernames, CancellationToken cancellationToken) =>
        api.SetGroupUsersAsync(name, usernames, cancellationToken);

    public string GroupName(string? name, string parameterName) => KylinInput.GroupName(name, parameterName, Shape);

    public string NewGroupName(string? name, string parameterName) => KylinInput.NewOpenGroupName(name, parameterName);
}
