using UserGroupClient.Http;

namespace UserGroupClient.Kylin;

/// <summary>Client-side checks that turn input Kylin would mangle or reject into a clear error before anything is sent.</summary>
internal static class KylinInput
{
    /// <summary>The characters Kylin 5 and Kyligence Enterprise 4.x refuse in a new group's name.</summary>
    private const string OpenForbidden = "\\/:*?\"<>|";

    /// <summary>
    /// Checks a group name that travels in the path and returns it escaped. Besides the shared path rules (no blank,
    /// <c>/</c>, <c>\</c>, control characters), a <c>.</c> is refused on the KAP and Apache APIs: KAP 3.x routes
    /// <c>{groupName}</c> with Spring's suffix matching and silently drops the last dot and what follows (<c>g1.h</c>
    /// would address <c>g1</c>), and Apache Kylin takes what follows the last dot for a file extension and answers 406
    /// when it names a type other than JSON (<c>g1.xml</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The name cannot be sent to Kylin intact.</exception>
    public static string GroupSegment(string? groupName, string parameterName, KylinWireShape shape = KylinWireShape.KapV2) =>
        Uri.EscapeDataString(GroupName(groupName, parameterName, shape));

    /// <summary>Checks a group name by the rules of <see cref="GroupSegment"/> and returns it unescaped.</summary>
    /// <exception cref="ArgumentException">The name cannot be sent to Kylin intact.</exception>
    public static string GroupName(string? groupName, string parameterName, KylinWireShape shape = KylinWireShape.KapV2)
    {
        var name = ApiUri.Id(groupName, parameterName);
        if (shape == KylinWireShape.OpenV4 || !name.Contains('.', StringComparison.Ordinal))
        {
            return name;
        }

        throw new ArgumentException(
            shape == KylinWireShape.Apache
                ? $"Kylin cannot address the group name '{name}' through Apache Kylin's API: the server takes what follows the last '.' in a path for a file extension and refuses the request (HTTP 406) when that names a type other than JSON. Choose a name without '.'."
                : $"Kylin cannot address the group name '{name}': the server cuts a path name at its last '.' (it would act on '{name[..name.LastIndexOf('.')]}'). Choose a name without '.'.",
            parameterName);
    }

    /// <summary>
    /// Checks the name of a group to create on Kylin 5 or Kyligence Enterprise 4.x by the server's own rules: not
    /// empty, no leading <c>.</c>, no leading or trailing space, no character above U+00FF, none of
    /// <c>\ / : * ? " &lt; &gt; |</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The server would refuse the name.</exception>
    public static string NewOpenGroupName(string? groupName, string parameterName)
    {
        var name = ApiUri.Id(groupName, parameterName);
        string? problem = null;
        if (name.StartsWith('.'))
        {
            problem = "it starts with '.'";
        }
        else if (name.StartsWith(' ') || name.EndsWith(' '))
        {
            problem = "it starts or ends with a space";
        }
        else if (name.FirstOrDefault(c => c > '\u00FF' || OpenForbidden.Contains(c, StringComparison.Ordinal)) is var bad and not '\0')
        {
            // Stryker disable once Equality : bad is above U+00FF or one of the ASCII characters of OpenForbidden, never U+00FF itself
            problem = bad > '\u00FF' ? $"'{bad}' is not a Latin-1 character" : $"it contains '{bad}'";
        }

        return problem is null
            ? name
            : throw new ArgumentException(
                $"Kylin 5 and Kyligence Enterprise 4.x refuse the group name '{name}': {problem}. A name may not start with '.', start or end with a space, hold characters above U+00FF or any of \\ / : * ? \" < > |.",
                parameterName);
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

    /// <summary>
    /// Checks a name filter the server drops when it is blank (<c>StringUtils.isBlank</c>): an empty or whitespace
    /// filter would list every group or member instead of those it names, so it is refused; <see langword="null"/>
    /// lists everything.
    /// </summary>
    /// <exception cref="ArgumentException">The filter is blank, too long, or holds a control character.</exception>
    public static string? Filter(string? value, string parameterName) =>
        value is not null && string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException("Kylin drops a blank filter and lists everything; pass null to list everything.", parameterName)
            : ApiUri.QueryValue(value, parameterName);

    /// <summary>Checks a page request by index.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The page index is negative or the page size is not positive.</exception>
    public static void Page(int pageOffset, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pageOffset);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
    }
}
