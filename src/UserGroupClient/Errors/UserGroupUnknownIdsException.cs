namespace UserGroupClient;

/// <summary>
/// A request names members or groups that do not exist, found by the SDK before anything was written, on a server
/// that would otherwise skip them silently or apply part of the request (Owl v4: see
/// <see cref="Owl.OwlClient.AsHostGroupService"/>, <see cref="Owl.OwlClient.AsUserGroupService"/> and the typed
/// updates). <see cref="UnknownIds"/> lists them, so a caller can drop them and try again.
/// </summary>
public class UserGroupUnknownIdsException : UserGroupNotFoundException
{
    /// <summary>Creates the exception with a default message.</summary>
    public UserGroupUnknownIdsException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public UserGroupUnknownIdsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public UserGroupUnknownIdsException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The ids that name nothing on the server, in the order the request gave them.</summary>
    public IReadOnlyList<string> UnknownIds { get; init; } = [];

    /// <summary>Raises the exception when any of <paramref name="ids"/> is not in <paramref name="known"/>.</summary>
    /// <param name="ids">The requested ids.</param>
    /// <param name="known">The ids that exist.</param>
    /// <param name="dialect">The dialect that refuses them.</param>
    /// <param name="context">What refuses them, e.g. <c>Owl user groups</c>.</param>
    /// <param name="kind">What the ids name, e.g. <c>user</c>.</param>
    internal static void ThrowIfAny<T>(IEnumerable<T> ids, IReadOnlySet<T> known, string dialect, string context, string kind)
    {
        var unknown = ids.Where(id => !known.Contains(id)).Select(id => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{id}")).ToList();
        if (unknown.Count > 0)
        {
            throw new UserGroupUnknownIdsException($"{context}: no {kind} has id {string.Join(", ", unknown)}; nothing was changed.") { Dialect = dialect, UnknownIds = unknown };
        }
    }
}
