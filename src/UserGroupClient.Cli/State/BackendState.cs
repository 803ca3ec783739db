using UserGroupClient.Cli.Backends;

namespace UserGroupClient.Cli.State;

/// <summary>
/// Reads a backend's groups as a desired state: every group with its comment and parent, and with
/// <c>members</c> its members by unique user name. Costs one listing of the groups (its pages) and, with members, one
/// member listing per group.
/// </summary>
internal static class BackendState
{
    public static async Task<(DesiredState State, IReadOnlyList<PlanNote> Notes)> ReadAsync(BackendSession session, UserGroupBackend backend, bool members, CancellationToken cancellationToken)
    {
        var service = session.Groups(backend);
        var notes = new List<PlanNote>();
        var readMembers = members && HasUserNames(backend);
        if (members && !readMembers)
        {
            notes.Add(new PlanNote(null, PlanNoteKind.MembersNotManaged, $"{backend.Name} ({backend.Dialect}) has no unique user names: members are left out."));
        }

        var groups = new List<DesiredGroup>();
        await foreach (var group in service.ListGroupsAsync(cancellationToken: cancellationToken))
        {
            IReadOnlyList<string>? names = null;
            if (readMembers)
            {
                names = await service.ListMembersAsync(group.Id, cancellationToken).Select(m => m.UserName).OfType<string>().Order(StringComparer.Ordinal).ToListAsync(cancellationToken);
            }

            groups.Add(new DesiredGroup(group.Name, string.IsNullOrEmpty(group.Comment) ? null : group.Comment, group.ParentId, names));
        }

        return (new DesiredState(groups.OrderBy(g => g.Name, StringComparer.Ordinal).ToList()), notes);
    }

    /// <summary>Members of this backend can be named, through its user directory: every dialect but MinApp.</summary>
    public static bool HasUserNames(UserGroupBackend backend) => backend.HasUserDirectory;
}
