namespace UserGroupClient.Owl;

/// <summary>
/// A request names hosts, users or user groups that do not exist, found by the SDK before anything was written. Owl v4
/// itself skips unknown ids or applies the known ones and then fails, so the SDK checks them first (see
/// <see cref="OwlClient.AsHostGroupService"/>, <see cref="OwlClient.AsUserGroupService"/> and the typed updates).
/// </summary>
public sealed class OwlUnknownIdsException : UserGroupNotFoundException
{
    /// <summary>Creates the exception with a default message.</summary>
    public OwlUnknownIdsException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public OwlUnknownIdsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public OwlUnknownIdsException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The ids that name nothing on the server, in the order the request gave them.</summary>
    public IReadOnlyList<string> UnknownIds { get; init; } = [];

    /// <summary>Raises the exception when any of <paramref name="ids"/> is not in <paramref name="known"/>.</summary>
    /// <param name="ids">The requested ids.</param>
    /// <param name="known">The ids that exist.</param>
    /// <param name="context">What refuses them, e.g. <c>Owl user groups</c>.</param>
    /// <param name="kind">What the ids name, e.g. <c>user</c>.</param>
    internal static void ThrowIfAny<T>(IEnumerable<T> ids, IReadOnlySet<T> known, string context, string kind)
    {
        var unknown = ids.Where(id => !known.Contains(id)).Select(id => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{id}")).ToList();
        if (unknown.Count > 0)
        {
            throw new OwlUnknownIdsException($"{context}: no {kind} has id {string.Join(", ", unknown)}; nothing was changed.") { Dialect = "Owl", UnknownIds = unknown };
        }
    }
}
