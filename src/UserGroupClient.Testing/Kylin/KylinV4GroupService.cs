using System.Text.RegularExpressions;

namespace UserGroupClient.Testing.Kylin;

/// <summary>
/// What Kylin 5's and KE 4's <c>NUserGroupController</c> checks and <c>NUserGroupService</c> does, shared by the open
/// and UI APIs (docs/wire/kylin.md §12.4, §12.5). Each operation is one transaction: it checks everything, then
/// changes the state, or returns the error and changes nothing. Callers hold <see cref="KylinState.Sync"/>.
/// </summary>
internal sealed partial class KylinV4GroupService(KylinState state)
{
    private const string SuperAdmin = "ADMIN";

    /// <summary><c>checkGroupName</c>: not empty, no leading dot, no surrounding space, Latin-1 only, no path or wildcard symbols.</summary>
    public KylinV4Error? CheckName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return KylinV4Failures.EmptyName(state.Flavor);
        }

        if (name.StartsWith('.'))
        {
            return KylinV4Failures.InvalidName("The user / group names cannot start with a period (.).");
        }

        if (name != name.Trim())
        {
            return KylinV4Failures.InvalidName("User / group names cannot start or end with a space.");
        }

        if (name.Any(c => c > '\u00FF'))
        {
            return KylinV4Failures.InvalidName("Only alphanumeric characters can be used in user / group names");
        }

        return IllegalSymbols().IsMatch(name)
            ? KylinV4Failures.InvalidName("The user / group names cannot contain the following symbols: backslash (\\),  slash mark (/), colon (:), asterisk (*), question mark (?),  quotation mark (\"), less than sign (<), greater than sign (>), vertical bar (|).")
            : null;
    }

    /// <summary>Creates a group whose name no group has in any case.</summary>
    public KylinV4Error? Create(string? name)
    {
        if (CheckName(name) is { } invalid)
        {
            return invalid;
        }

        if (state.FindGroupIgnoringCase(name!) is { } existing)
        {
            return KylinV4Failures.Duplicate(existing);
        }

        state.AddGroup(name!);
        return null;
    }

    /// <summary>
    /// <c>POST /batch</c>: every name checked, then refused if it <em>ends with</em> an existing name ignoring case
    /// (the store lookup's quirk: <c>xg1</c> is a duplicate of <c>g1</c>), naming the refused requests.
    /// </summary>
    public KylinV4Error? CreateMany(List<string?> names)
    {
        if (names.Select(CheckName).FirstOrDefault(error => error is not null) is { } invalid)
        {
            return invalid;
        }

        var clashing = names.Where(name => state.Groups.Keys.Any(group => name!.EndsWith(group, StringComparison.OrdinalIgnoreCase))).ToList();
        if (clashing.Count > 0)
        {
            return KylinV4Failures.Duplicate(string.Join(",", clashing));
        }

        foreach (var name in names)
        {
            state.AddGroup(name!);
        }

        return null;
    }

    /// <summary>Deletes by name as the open API does: the name is looked up ignoring case, then the stored group goes.</summary>
    public KylinV4Error? DeleteByName(string? name)
    {
        var stored = string.IsNullOrEmpty(name) ? null : state.FindGroupIgnoringCase(name);
        return stored is null ? KylinV4Failures.NotFound(name) : Delete(stored);
    }

    /// <summary>Deletes by the UI API's id (compared ignoring case).</summary>
    public KylinV4Error? DeleteByUuid(string uuid) =>
        FindByUuid(uuid) is { } name ? Delete(name) : KylinV4Failures.UnknownUuid(uuid);

    /// <summary>
    /// <c>deleteGroup</c> with the name as given: the built-in guard compares it exactly, the authority is stripped
    /// from users by the exact name, and the store deletes the group found ignoring case (so <c>DELETE /batch</c>
    /// with <c>all_users</c> deletes <c>ALL_USERS</c> and leaves its users their authority).
    /// </summary>
    public KylinV4Error? Delete(string name)
    {
        if (state.GuardBuiltInGroups && name is KylinState.AllUsers or KylinState.RoleAdmin)
        {
            return KylinV4Failures.BuiltInGroup;
        }

        if (state.FindGroupIgnoringCase(name) is not { } stored)
        {
            return KylinV4Failures.NotFound(name);
        }

        foreach (var user in state.MembersOf(name))
        {
            user.Authorities.Remove(name);
            state.Save(user);
        }

        state.Groups.Remove(stored);
        return null;
    }

    /// <summary>
    /// <c>modifyGroupUsers</c>: replaces the members of a group named exactly; refuses any change that touches the
    /// super admin or the caller, an unknown user, or a removal from <c>ALL_USERS</c>; all or nothing.
    /// </summary>
    public KylinV4Error? SetMembers(KylinStoredUser caller, string? group, List<string>? users)
    {
        if (CheckName(group) is { } invalid)
        {
            return invalid;
        }

        if (!state.Groups.ContainsKey(group!))
        {
            return KylinV4Failures.UnknownGroupToUpdate(group!);
        }

        if (users is null)
        {
            return KylinV4Error.Java("java.lang.NullPointerException", "null");
        }

        // Membership is compared exactly, users are found ignoring case.
        var current = state.MembersOf(group!).Select(user => user.Username).ToList();
        var moveIn = users.Where(user => !current.Contains(user, StringComparer.Ordinal)).ToList();
        var moveOut = current.Where(user => !users.Contains(user, StringComparer.Ordinal)).ToList();
        foreach (var username in moveIn.Concat(moveOut))
        {
            if (username.Equals(SuperAdmin, StringComparison.OrdinalIgnoreCase))
            {
                return KylinV4Failures.SuperAdmin;
            }

            if (username.Equals(caller.Username, StringComparison.OrdinalIgnoreCase))
            {
                return KylinV4Failures.Self;
            }
        }

        if (moveIn.FirstOrDefault(username => !state.Users.ContainsKey(username)) is { } unknown)
        {
            return KylinV4Failures.UnknownUser(unknown);
        }

        if (group == KylinState.AllUsers && moveOut.Count > 0)
        {
            return KylinV4Failures.AllUsersRemoval;
        }

        foreach (var username in moveIn)
        {
            var user = state.Users[username];
            user.Grant(group!);
            state.Save(user);
        }

        foreach (var username in moveOut)
        {
            var user = state.Users[username];
            user.Authorities.Remove(group!);
            state.Save(user);
        }

        return null;
    }

    public string? FindByUuid(string uuid) =>
        state.Groups.FirstOrDefault(group => group.Value.Equals(uuid, StringComparison.OrdinalIgnoreCase)).Key;

    [GeneratedRegex("[\\\\/:*?\"<>|]")]
    private static partial Regex IllegalSymbols();
}
