namespace UserGroupClient.Kylin;

/// <summary>
/// The groups every Kylin flavor creates at start, and the requests on them the SDK refuses before sending, on every
/// flavor (docs/wire/kylin.md §2, §4.1, §11.3, §12.4). Deleting a group first strips it from every user, so deleting <c>ROLE_ADMIN</c> takes
/// every administrator's rights, and a restart re-creates the built-in groups empty: KAP 3.x guards none of them,
/// Apache Kylin, Kylin 5 and Kyligence Enterprise 4.x only <c>ALL_USERS</c> and <c>ROLE_ADMIN</c>. And no flavor can
/// take a user out of <c>ALL_USERS</c> as asked: KAP never puts the user back, Apache Kylin silently puts it back at
/// once, Kylin 5 and Kyligence Enterprise 4.x refuse.
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
    /// <param name="groupName">The group.</param>
    /// <param name="shape">The server's API, or <see langword="null"/> before its flavor is known (the refusal does not depend on it, only its reason).</param>
    /// <returns>The exception to raise, or <see langword="null"/> when the group is not built in.</returns>
    public static UserGroupValidationException? RefuseDelete(string groupName, KylinWireShape? shape)
    {
        var why = groupName.ToUpperInvariant() switch
        {
            AllUsers => "every user is in it, and the server never puts a user it strips from it back",
            RoleAdmin => "it carries the administrators' rights, so every administrator would lose them",
            RoleAnalyst => "every analyst would lose that role",
            RoleModeler => "every modeler would lose that role",
            _ => null,
        };
        var server = shape switch
        {
            KylinWireShape.KapV2 => "KAP / Kyligence Enterprise 3.x deletes it without a guard, first stripping it from every user",
            null => "deleting it first strips it from every user and the server re-creates it empty at its next start (KAP 3.x guards no built-in group, the other flavors only ALL_USERS and ROLE_ADMIN)",
            _ => "the server re-creates it empty at its next start, and deleting it first strips it from every user (the server guards only ALL_USERS and ROLE_ADMIN itself)",
        };
        return why is null
            ? null
            : Refusal(groupName, $"Kylin: the SDK refuses to delete '{groupName}', a built-in group: {server}, and {why}. Nothing was sent.");
    }

    /// <summary>
    /// Refuses to change the members of <c>ALL_USERS</c>: the exact name where group names are case-sensitive (KAP 3.x,
    /// Apache Kylin: <c>all_users</c> is another group), in any case where they are unique ignoring case.
    /// </summary>
    /// <param name="groupName">The group.</param>
    /// <param name="shape">The server's API, or <see langword="null"/> before its flavor is known: then only the exact name, which every flavor refuses.</param>
    /// <returns>The exception to raise, or <see langword="null"/> for any other group.</returns>
    public static UserGroupValidationException? RefuseMembershipChange(string groupName, KylinWireShape? shape)
    {
        var comparison = shape == KylinWireShape.OpenV4 ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (!string.Equals(groupName, AllUsers, comparison))
        {
            return null;
        }

        var why = shape switch
        {
            KylinWireShape.Apache => "Apache Kylin puts every user back into it on every save, so a removal would silently not happen",
            KylinWireShape.OpenV4 => "Kylin 5 and Kyligence Enterprise 4.x refuse to take anyone out of it",
            KylinWireShape.KapV2 => "KAP / Kyligence Enterprise 3.x never puts a user it removes from it back, so the removal would stick",
            _ => "no Kylin takes a user out of it as asked (KAP never puts the user back, Apache Kylin silently puts the user back, Kylin 5 refuses)",
        };
        return Refusal(groupName, $"Kylin: the SDK refuses to change the members of '{groupName}', the built-in group of every user: {why}. Nothing was sent.");
    }

    private static UserGroupValidationException Refusal(string groupName, string message) =>
        new(message)
        {
            Dialect = "Kylin",
            FieldErrors = new Dictionary<string, IReadOnlyList<string>> { ["groupName"] = [$"'{groupName}' is a built-in group."] },
        };
}
