using UserGroupClient.Http;

namespace UserGroupClient.Kylin;

/// <summary>Client-side checks that turn input Kylin would mangle or reject into a clear error before anything is sent.</summary>
internal static class KylinInput
{
    /// <summary>
    /// Checks a group name that travels in the path and returns it escaped. Besides the shared path rules (no blank,
    /// <c>/</c>, <c>\</c>, control characters), a <c>.</c> is refused: KAP 3.x routes <c>{groupName}</c> with Spring's
    /// suffix matching and silently drops the last dot and what follows (<c>g1.h</c> would address <c>g1</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The name cannot be sent to Kylin intact.</exception>
    public static string GroupSegment(string? groupName, string parameterName) =>
        Uri.EscapeDataString(GroupName(groupName, parameterName));

    /// <summary>Checks a group name by the rules of <see cref="GroupSegment"/> and returns it unescaped.</summary>
    /// <exception cref="ArgumentException">The name cannot be sent to Kylin intact.</exception>
    public static string GroupName(string? groupName, string parameterName)
    {
        var name = ApiUri.Id(groupName, parameterName);
        if (name.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Kylin cannot address the group name '{name}': the server cuts a path name at its last '.' (it would act on '{name[..name.LastIndexOf('.')]}'). Choose a name without '.'.",
                parameterName);
        }

        return name;
    }

    /// <summary>Checks usernames for a membership body: none blank or with control characters; duplicates dropped, order kept.</summary>
    /// <exception cref="ArgumentException">A username is blank or holds a control character.</exception>
    public static List<string> Usernames(IEnumerable<string> usernames, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(usernames, parameterName);
        var checkedNames = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var username in usernames)
        {
            if (string.IsNullOrWhiteSpace(username))
            {
                throw new ArgumentException("A Kylin username must not be empty or whitespace.", parameterName);
            }

            ApiUri.RejectControlCharacters(username, parameterName);
            if (seen.Add(username))
            {
                checkedNames.Add(username);
            }
        }

        return checkedNames;
    }

    /// <summary>Checks a page request.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The page index is negative or the page size is not positive.</exception>
    public static void Page(int pageOffset, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pageOffset);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
    }
}
