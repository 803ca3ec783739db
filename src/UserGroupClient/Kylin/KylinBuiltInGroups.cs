namespace UserGroupClient.Kylin;

/// <summary>
/// The groups KAP / Kyligence Enterprise 3.x creates at start, and the requests on them the SDK refuses before sending.
/// KAP 3.x deletes any group without a guard, built-in ones included: it first strips the group from every user, so
/// deleting <c>ROLE_ADMIN</c> takes every administrator's rights, and a restart re-creates the built-in groups empty.
/// Nor does it ever put a user back into <c>ALL_USERS</c>: a user removed from it stays out until the user itself is
/// saved again (docs/wire/kylin.md §2, §4.1).
/// </summary>
internal static class KylinBuiltInGroups
{
    /// <summary>The group every user is put in when the user is created.</summary>
    public const string AllUsers = "ALL_USERS";

    private const string RoleAdmin = "ROLE_ADMIN";
    private const string RoleAnalyst = "ROLE_ANALYST";
    private const string RoleModeler = "ROLE_MODELER";

    /// <summary>
    /// Refuses to delete a built-in group, named in any case: servers that look group names up ignoring case (Apache
    /// Kylin's own guard, Kylin 5) would take a lower-case name for the built-in one.
    /// </summary>
    /// <returns>The exception to raise, or <see langword="null"/> when the group is not built in.</returns>
    public static UserGroupValidationException? RefuseDelete(string groupName)
    {
        var why = groupName.ToUpperInvariant() switch
        {
            AllUsers => "every user is in it, and the server never puts a user it strips from it back",
            RoleAdmin => "it carries the administrators' rights, so every administrator would lose them",
            RoleAnalyst => "every analyst would lose that role",
            RoleModeler => "every modeler would lose that role",
            _ => null,
        };
        return why is null
            ? null
            : Refusal(groupName, $"Kylin: the SDK refuses to delete '{groupName}', a built-in group: KAP / Kyligence Enterprise 3.x deletes it without a guard, first stripping it from every user, and {why}. Nothing was sent.");
    }

    /// <summary>
    /// Refuses to change the members of <c>ALL_USERS</c> (the exact name: group names are case-sensitive on KAP 3.x, so
    /// <c>all_users</c> is another group).
    /// </summary>
    /// <returns>The exception to raise, or <see langword="null"/> for any other group.</returns>
    public static UserGroupValidationException? RefuseMembershipChange(string groupName) =>
        string.Equals(groupName, AllUsers, StringComparison.Ordinal)
            ? Refusal(groupName, $"Kylin: the SDK refuses to change the members of '{AllUsers}', the built-in group of every user: KAP / Kyligence Enterprise 3.x never puts a user it removes from it back, so the removal would stick. Nothing was sent.")
            : null;

    private static UserGroupValidationException Refusal(string groupName, string message) =>
        new(message)
        {
            Dialect = "Kylin",
            FieldErrors = new Dictionary<string, IReadOnlyList<string>> { ["groupName"] = [$"'{groupName}' is a built-in group."] },
        };
}
