using UserGroupClient.Cli.Backends;

namespace UserGroupClient.Cli.State;

/// <summary>
/// Compares a desired state with a backend and lists the changes, sending nothing. It reads the backend's groups once
/// (their pages), the members of each desired group that exists, and, when members are managed, the backend's user
/// directory once for every name of the file together: requests in proportion to the pages read, never one listing per
/// name. Group names are compared as the target compares them (ignoring case on Owl), user names as its directory does.
/// </summary>
internal static class Planner
{
    public static async Task<Plan> PlanAsync(BackendSession session, UserGroupBackend target, DesiredState desired, PlanOptions options, CancellationToken cancellationToken)
    {
        var service = session.Groups(target);
        var capabilities = service.Capabilities;
        var groupNames = StringComparer.FromComparison(capabilities.NameComparison);
        var duplicate = desired.Groups.GroupBy(g => g.Name, groupNames).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new UgcException($"The desired state names the group '{duplicate.Key}' more than once (as {target.Name} compares names).");
        }

        var notes = new List<PlanNote>();
        // Stryker disable once Logical : only sync passes Members false, and it then reads its source without members, so no group of the desired state has members and Any is false either way
        var manageMembers = options.Members && desired.Groups.Any(g => g.Members is not null);
        if (manageMembers && !BackendState.HasUserNames(target))
        {
            notes.Add(new PlanNote(null, PlanNoteKind.MembersNotManaged, $"{target.Name} ({target.Dialect}) has no unique user names: members are not synced there."));
            manageMembers = false;
        }

        var current = await service.ListGroupsAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        var byName = current.GroupBy(g => g.Name, groupNames).ToDictionary(g => g.Key, g => g.ToList(), groupNames);
        // HasUserNames is having a user directory: a target whose members are managed has one.
        var users = manageMembers ? await UsersAsync(session.Directory(target)!, desired, cancellationToken) : null;

        var creates = new List<PlannedChange>();
        var updates = new List<PlannedChange>();
        var adds = new List<PlannedChange>();
        var removes = new List<PlannedChange>();
        foreach (var group in desired.Groups)
        {
            var comment = Setting(group.Name, "comment", group.Comment, capabilities.SupportsComment, target, notes);
            var parent = Setting(group.Name, "parent", group.Parent, capabilities.SupportsHierarchy, target, notes);
            var wanted = users is not null && group.Members is not null ? Resolve(group.Name, group.Members, users, notes) : null;
            if (!byName.TryGetValue(group.Name, out var existing))
            {
                creates.Add(new PlannedChange
                {
                    Action = PlannedAction.Create,
                    Group = group.Name,
                    Comment = comment,
                    Parent = parent,
                    Members = wanted?.Keys.ToList() ?? [],
                    MemberIds = wanted?.Values.ToList() ?? [],
                });
                continue;
            }

            if (existing.Count > 1)
            {
                notes.Add(new PlanNote(group.Name, PlanNoteKind.Skipped, $"{target.Name} has {existing.Count} groups named '{group.Name}': none is changed."));
                continue;
            }

            var found = existing[0];
            var newComment = comment is not null && comment != (found.Comment ?? "") ? comment : null;
            var newParent = parent is not null && parent != found.ParentId ? parent : null;
            if (newComment is not null || newParent is not null)
            {
                updates.Add(new PlannedChange { Action = PlannedAction.Update, Group = found.Name, GroupId = found.Id, Comment = newComment, Parent = newParent });
            }

            if (wanted is not null)
            {
                await PlanMembersAsync(service, target, found, wanted, users!.Comparer, options.Prune, adds, removes, notes, cancellationToken);
            }
        }

        var deletes = new List<PlannedChange>();
        var named = desired.Groups.Select(g => g.Name).ToHashSet(groupNames);
        var unnamed = current.Where(g => !named.Contains(g.Name)).ToList();
        foreach (var builtIn in unnamed.Where(g => IsBuiltIn(target, g.Name)).ToList())
        {
            unnamed.Remove(builtIn);
            if (options.Prune)
            {
                notes.Add(new PlanNote(builtIn.Name, PlanNoteKind.Skipped, $"'{builtIn.Name}' is one of Kylin's built-in groups: never deleted."));
            }
        }

        if (options.Prune)
        {
            deletes.AddRange(unnamed.Select(g => new PlannedChange { Action = PlannedAction.Delete, Group = g.Name, GroupId = g.Id }));
        }
        else if (unnamed.Count > 0)
        {
            notes.Add(new PlanNote(null, PlanNoteKind.Kept, $"{unnamed.Count} group(s) of {target.Name} not in the desired state are kept (--prune deletes them): {string.Join(", ", unnamed.Select(g => g.Name))}."));
        }

        return new Plan(target.Name, [.. creates, .. updates, .. adds, .. removes, .. deletes], notes);
    }

    /// <summary>Kylin's built-in groups, which the SDK refuses to delete (in any case): a prune leaves them out.</summary>
    private static bool IsBuiltIn(UserGroupBackend target, string name) =>
        target.Dialect == UserGroupBackendDialect.Kylin && name.ToUpperInvariant() is "ALL_USERS" or "ROLE_ADMIN" or "ROLE_ANALYST" or "ROLE_MODELER";

    /// <summary>A group setting the target can hold, else <see langword="null"/> with a note when the file sets it.</summary>
    private static string? Setting(string group, string setting, string? value, bool supported, UserGroupBackend target, List<PlanNote> notes)
    {
        if (value is null || supported)
        {
            return value;
        }

        notes.Add(new PlanNote(group, PlanNoteKind.Skipped, $"{target.Name} ({target.Dialect}) groups have no {setting}: '{value}' is skipped."));
        return null;
    }

    private static async Task<UserIndex> UsersAsync(IUserDirectory directory, DesiredState desired, CancellationToken cancellationToken)
    {
        var names = desired.Groups.SelectMany(g => g.Members ?? []).ToList();
        var resolution = await directory.ResolveUserNamesAsync(names, cancellationToken);
        var comparer = StringComparer.FromComparison(directory.UserNameComparison);
        return new UserIndex(resolution.Ids, resolution.Ambiguous.ToHashSet(comparer), comparer);
    }

    /// <summary>The desired members the target knows, name to id; the others noted, never guessed.</summary>
    private static Dictionary<string, string> Resolve(string group, IReadOnlyList<string> members, UserIndex users, List<PlanNote> notes)
    {
        var wanted = new Dictionary<string, string>(users.Comparer);
        foreach (var name in members)
        {
            if (users.Ids.TryGetValue(name, out var id))
            {
                wanted.TryAdd(name, id);
            }
            else if (users.Ambiguous.Contains(name))
            {
                notes.Add(new PlanNote(group, PlanNoteKind.AmbiguousUser, $"several users are named '{name}': not added."));
            }
            else
            {
                notes.Add(new PlanNote(group, PlanNoteKind.UnknownUser, $"no user is named '{name}': not added."));
            }
        }

        return wanted;
    }

    private static async Task PlanMembersAsync(
        IUserGroupService service,
        UserGroupBackend target,
        UserGroup group,
        Dictionary<string, string> wanted,
        StringComparer userNames,
        bool prune,
        List<PlannedChange> adds,
        List<PlannedChange> removes,
        List<PlanNote> notes,
        CancellationToken cancellationToken)
    {
        var members = await service.ListMembersAsync(group.Id, cancellationToken).ToListAsync(cancellationToken);
        var present = members.Select(m => m.UserName).OfType<string>().ToHashSet(userNames);
        var missing = wanted.Where(w => !present.Contains(w.Key)).ToList();
        if (missing.Count > 0)
        {
            adds.Add(new PlannedChange { Action = PlannedAction.AddMembers, Group = group.Name, GroupId = group.Id, Members = missing.Select(m => m.Key).ToList(), MemberIds = missing.Select(m => m.Value).ToList() });
        }

        var extra = members.Where(m => m.UserName is not { } name || !wanted.ContainsKey(name)).ToList();
        if (extra.Count == 0)
        {
            return;
        }

        if (prune)
        {
            removes.Add(new PlannedChange { Action = PlannedAction.RemoveMembers, Group = group.Name, GroupId = group.Id, Members = extra.Select(m => m.UserName ?? m.Id).ToList(), MemberIds = extra.Select(m => m.Id).ToList() });
        }
        else
        {
            notes.Add(new PlanNote(group.Name, PlanNoteKind.Kept, $"{extra.Count} member(s) not in the desired state are kept (--prune removes them)."));
        }
    }

    /// <summary>The directory's answer: a name neither found nor ambiguous is unknown.</summary>
    private sealed record UserIndex(IReadOnlyDictionary<string, string> Ids, HashSet<string> Ambiguous, StringComparer Comparer);
}
