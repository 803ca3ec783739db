namespace UserGroupClient;

/// <summary>What <see cref="IUserDirectory.ResolveUserNamesAsync"/> found for each name it was given.</summary>
public sealed class UserNameResolution
{
    /// <summary>Creates a resolution.</summary>
    /// <param name="ids">The id of each name that one entry carries, keyed by the name as it was given.</param>
    /// <param name="unknown">The names no entry carries, in the order given.</param>
    /// <param name="ambiguous">The names several entries carry, in the order given.</param>
    public UserNameResolution(IReadOnlyDictionary<string, string> ids, IReadOnlyList<string> unknown, IReadOnlyList<string> ambiguous)
    {
        Ids = ids;
        Unknown = unknown;
        Ambiguous = ambiguous;
    }

    /// <summary>The id of each name that one entry carries, keyed by the name as it was given.</summary>
    public IReadOnlyDictionary<string, string> Ids { get; }

    /// <summary>The names no entry carries, in the order given.</summary>
    public IReadOnlyList<string> Unknown { get; }

    /// <summary>The names several entries carry (Owl hosts are unique by host name and address together), in the order given.</summary>
    public IReadOnlyList<string> Ambiguous { get; }

    /// <summary>Every name resolved to exactly one id.</summary>
    public bool IsComplete => Unknown.Count == 0 && Ambiguous.Count == 0;
}
