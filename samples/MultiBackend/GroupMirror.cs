using Microsoft.Extensions.DependencyInjection;
using UserGroupClient;

namespace MultiBackend;

/// <summary>Copies the names of the JumpServer groups into Kylin, creating the ones Kylin lacks.</summary>
internal sealed class GroupMirror(
    [FromKeyedServices("ops-jms")] IUserGroupService jumpServer,
    [FromKeyedServices("bi-kylin")] IUserGroupService kylin)
{
    public async Task<IReadOnlyList<string>> MirrorAsync(CancellationToken cancellationToken)
    {
        var created = new List<string>();
        await foreach (var group in jumpServer.ListGroupsAsync(cancellationToken: cancellationToken))
        {
            if (await kylin.FindGroupByNameAsync(group.Name, cancellationToken) is null)
            {
                await kylin.CreateGroupAsync(new NewUserGroup(group.Name), cancellationToken);
                created.Add(group.Name);
            }
        }

        return created;
    }
}
