namespace UserGroupClient;

/// <summary>
/// What every <see cref="IUserDirectory"/> shares: name resolution over its one paged listing. A dialect gives the
/// listing and the server's name comparison.
/// </summary>
internal abstract class UserDirectory : IUserDirectory
{
    public abstract string EntryKind { get; }

    public abstract StringComparison UserNameComparison { get; }

    public abstract IAsyncEnumerable<DirectoryUser> ListUsersAsync(CancellationToken cancellationToken = default);

    public async Task<UserNameResolution> ResolveUserNamesAsync(IEnumerable<string> userNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userNames);
        var comparer = StringComparer.FromComparison(UserNameComparison);
        var wanted = new List<string>();
        var seen = new HashSet<string>(comparer);
        foreach (var name in userNames)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(userNames));
            if (seen.Add(name))
            {
                wanted.Add(name);
            }
        }

        var found = new Dictionary<string, List<string>>(comparer);
        if (wanted.Count > 0)
        {
            await foreach (var user in ListUsersAsync(cancellationToken).ConfigureAwait(false))
            {
                if (seen.Contains(user.UserName))
                {
                    (found.TryGetValue(user.UserName, out var ids) ? ids : found[user.UserName] = []).Add(user.Id);
                }
            }
        }

        var resolved = new Dictionary<string, string>(comparer);
        var unknown = new List<string>();
        var ambiguous = new List<string>();
        foreach (var name in wanted)
        {
            if (!found.TryGetValue(name, out var ids))
            {
                unknown.Add(name);
            }
            else if (ids.Count > 1)
            {
                ambiguous.Add(name);
            }
            else
            {
                resolved.Add(name, ids[0]);
            }
        }

        return new UserNameResolution(resolved, unknown, ambiguous);
    }
}
