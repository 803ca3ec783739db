namespace UserGroupClient.Cli.Backends;

/// <summary>
/// Turns the user names of a command line into a backend's member ids through its <see cref="IUserDirectory"/>; on
/// MinApp, which has no unique user name, they can only be ids (<c>--ids</c>). A name the backend does not know, or
/// knows twice, stops the command before anything is sent.
/// </summary>
internal static class MemberNames
{
    /// <exception cref="UgcException">A name is unknown or ambiguous, or the backend has no names to resolve.</exception>
    public static async Task<IReadOnlyList<string>> ResolveAsync(BackendSession session, UserGroupBackend backend, IReadOnlyList<string> users, bool asIds, CancellationToken cancellationToken)
    {
        if (asIds || users.Count == 0)
        {
            return users;
        }

        var directory = session.Directory(backend)
            ?? throw new UgcException($"Backend '{backend.Name}' ({backend.Dialect}) has no unique user names: give member ids with --ids.");
        var resolution = await directory.ResolveUserNamesAsync(users, cancellationToken);
        if (resolution.Unknown.Count > 0)
        {
            throw new UgcException($"Backend '{backend.Name}' has no {directory.EntryKind} named {Quoted(resolution.Unknown)}; nothing was changed.");
        }

        if (resolution.Ambiguous.Count > 0)
        {
            throw new UgcException($"Backend '{backend.Name}' has several {directory.EntryKind}s named {Quoted(resolution.Ambiguous)}; nothing was changed (use --ids).");
        }

        return users.Select(name => resolution.Ids[name]).Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
}
