using UserGroupClient.Cli.Backends;

namespace UserGroupClient.Cli.State;

/// <summary>
/// Sends a plan's changes in order and marks each done; the first failure stops it, that change marked failed with the
/// reason and the ones after it not done, so the report says exactly what was and was not changed. Every change is
/// computed from the state it found, so running the same command again plans what is left and converges.
/// </summary>
internal static class Applier
{
    /// <returns>Whether every change was done.</returns>
    public static async Task<bool> ApplyAsync(BackendSession session, UserGroupBackend target, Plan plan, Action<PlannedChange>? progress, CancellationToken cancellationToken)
    {
        var service = session.Groups(target);
        foreach (var change in plan.Changes)
        {
            try
            {
                await SendAsync(service, change, cancellationToken);
                change.Status = ChangeStatus.Done;
            }
            catch (Exception exception) when (exception is UserGroupApiException or NotSupportedException or ArgumentException or OperationCanceledException)
            {
                change.Status = ChangeStatus.Failed;
                change.Error = exception is OperationCanceledException ? "cancelled" : exception.Message;
                foreach (var rest in plan.Changes.Where(c => c.Status == ChangeStatus.Planned))
                {
                    rest.Status = ChangeStatus.NotDone;
                }

                return false;
            }
            finally
            {
                progress?.Invoke(change);
            }
        }

        return true;
    }

    /// <remarks>Every change but a create carries the id of the group the planner found (<see cref="PlannedChange.GroupId"/>).</remarks>
    private static async Task SendAsync(IUserGroupService service, PlannedChange change, CancellationToken cancellationToken)
    {
        switch (change.Action)
        {
            case PlannedAction.Create:
                await service.CreateGroupAsync(
                    new NewUserGroup(change.Group) { Comment = change.Comment, ParentId = change.Parent, MemberIds = change.MemberIds.Count > 0 ? change.MemberIds : null },
                    cancellationToken);
                break;
            case PlannedAction.Update:
                await service.UpdateGroupAsync(change.GroupId!, new UserGroupUpdate { Comment = change.Comment, ParentId = change.Parent }, cancellationToken);
                break;
            case PlannedAction.AddMembers:
                await service.AddMembersAsync(change.GroupId!, change.MemberIds, cancellationToken);
                break;
            case PlannedAction.RemoveMembers:
                await service.RemoveMembersAsync(change.GroupId!, change.MemberIds, cancellationToken);
                break;
            case PlannedAction.Delete:
                await service.DeleteGroupAsync(change.GroupId!, cancellationToken);
                break;
        }
    }
}
