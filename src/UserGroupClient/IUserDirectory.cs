namespace UserGroupClient;

/// <summary>
/// The users (or, for Owl host groups, the hosts) that a backend's groups take as members, by their unique name: the
/// companion of <see cref="IUserGroupService"/> that turns the names people use into the ids its member calls take, so
/// that members can be matched across servers. A backend whose server has no unique user name (MinApp) has none.
/// </summary>
public interface IUserDirectory
{
    /// <summary>What the names are: <c>"user"</c>, or <c>"host"</c> for Owl host groups.</summary>
    string EntryKind { get; }

    /// <summary>
    /// How the server compares user names, and so how <see cref="ResolveUserNamesAsync"/> matches them:
    /// <see cref="StringComparison.OrdinalIgnoreCase"/> where the server's names are unique ignoring case (Owl).
    /// </summary>
    StringComparison UserNameComparison { get; }

    /// <summary>Streams every entry of the directory, one page at a time.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    IAsyncEnumerable<DirectoryUser> ListUsersAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Resolves user names to ids with one paged listing of the directory, whatever the number of names; no names
    /// sends nothing. A name no entry carries is reported as unknown, one that several carry as ambiguous: neither is guessed.
    /// </summary>
    /// <param name="userNames">The names to resolve; repeated names are resolved once.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    Task<UserNameResolution> ResolveUserNamesAsync(IEnumerable<string> userNames, CancellationToken cancellationToken = default);
}
