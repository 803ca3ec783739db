namespace UserGroupClient.Kylin;

/// <summary>
/// The <c>KE-…</c> codes of Kylin 5 and Kyligence Enterprise 4.x that the SDK reacts to, and the reading of a message
/// that starts with one: <c>KE-010004004(Description):text</c> (Kyligence Enterprise 4.x, Kylin 5's older codes) or
/// <c>KE-010043201: text</c> (Kylin 5's newer ones).
/// </summary>
internal static class KylinErrorCode
{
    /// <summary>A group with the name exists, compared ignoring case.</summary>
    public const string DuplicateGroup = "KE-010004004";

    /// <summary>No group has the name.</summary>
    public const string GroupNotFound = "KE-010004001";

    /// <summary>A parameter is invalid; a member update of an unknown group says "doesn't exist".</summary>
    public const string InvalidParameter = "KE-010000003";

    /// <summary>A name the server refuses to create, or a built-in group it refuses to delete.</summary>
    public const string InvalidGroupName = "KE-010004003";

    /// <summary>An empty group name (Kyligence Enterprise 4.x).</summary>
    public const string EmptyGroupName = "KE-010004002";

    /// <summary>An empty request parameter (Kylin 5).</summary>
    public const string EmptyParameter = "KE-010043201";

    /// <summary>A member update that touches the system administrator, or a removal from <c>ALL_USERS</c>.</summary>
    public const string AdminOrAllUsersChange = "KE-010024002";

    /// <summary>A member update that touches the caller's own user.</summary>
    public const string InvalidObject = "KE-010003006";

    /// <summary>The caller is not a system administrator (HTTP 400).</summary>
    public const string AccessDenied = "KE-010024001";

    /// <summary>The account is locked after wrong passwords (HTTP 400).</summary>
    public const string UserLocked = "KE-010003005";

    /// <summary>Kylin 5's answer to a request without credentials.</summary>
    public const string Kylin5Unauthenticated = "KE-010003207";

    /// <summary>Kyligence Enterprise 4.x's answer to a request without credentials.</summary>
    public const string Enterprise4Unauthenticated = "KE-010003007";

    /// <summary>Splits a message into its <c>KE-…</c> code (or <see langword="null"/>) and the text after it.</summary>
    public static (string? Code, string Text) Parse(string? message)
    {
        if (message is null || !message.StartsWith("KE-", StringComparison.Ordinal))
        {
            // Stryker disable once String : the mapper reads no text of a missing message (it reports such an answer by its status and code)
            return (null, message ?? string.Empty);
        }

        var end = 3;
        while (end < message.Length && char.IsAsciiDigit(message[end]))
        {
            end++;
        }

        if (end == 3)
        {
            return (null, message);
        }

        var code = message[..end];
        var rest = message.AsSpan(end);
        if (rest.StartsWith("(") && rest.IndexOf(')') is var close and > 0)
        {
            rest = rest[(close + 1)..];
        }

        rest = rest.TrimStart(':').Trim();
        return (code, rest.ToString());
    }
}
