using System.Runtime.CompilerServices;

namespace UserGroupClient.Kylin;

/// <summary>The unified service's operations on the KAP / Kyligence Enterprise 3.x v2 API.</summary>
internal sealed class KylinKapServiceWire(IKylinUserGroupsApi api) : IKylinServiceWire
{
    public KylinWireShape Shape => KylinWireShape.KapV2;

    public async IAsyncEnumerable<string> ListGroupNamesAsync(string? search, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var name in await api.ListGroupsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return name;
        }
    }

    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken) =>
        (await api.ListGroupsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Contains(name, StringComparer.Ordinal);

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

    public string GroupName(string? name, string parameterName) => KylinInput.GroupName(name, parameterName);

    public string NewGroupName(string? name, string parameterName) => KylinInput.GroupName(name, parameterName);
}
