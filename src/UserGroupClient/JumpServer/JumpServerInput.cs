using System.Text;
using UserGroupClient.Http;

namespace UserGroupClient.JumpServer;

/// <summary>Client-side checks that turn input the server would reject into a clear error before anything is sent.</summary>
internal static class JumpServerInput
{
    /// <summary>The longest group name the server stores.</summary>
    public const int MaxNameLength = 128;

    /// <summary>Checks a group name as the server will see it (trimmed).</summary>
    /// <exception cref="ArgumentException">The name is blank, longer than 128 characters, or holds control characters.</exception>
    public static string GroupName(string? name, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A JumpServer group name must not be empty or whitespace.", parameterName);
        }

        if (name.Trim().Length > MaxNameLength)
        {
            throw new ArgumentException($"A JumpServer group name has at most {MaxNameLength} characters; this one has {name.Trim().Length}.", parameterName);
        }

        if (name.Any(char.IsControl))
        {
            throw new ArgumentException("A JumpServer group name must not contain control characters (such as CR, LF or NUL).", parameterName);
        }

        return name;
    }

    /// <summary>
    /// Checks and escapes an id for a path segment in the form Django gives it. JumpServer verifies a signature over
    /// <c>get_full_path()</c>, which decodes the path and escapes it again with <c>escape_uri_path</c>; that leaves
    /// <c>:@&amp;+$,!*'()</c> as they are, so a segment sent with them percent-encoded would be signed over a different
    /// target than the server checks, and refused as an invalid signature.
    /// </summary>
    /// <exception cref="ArgumentException">The id cannot be a path segment (see <see cref="ApiUri.Id"/>).</exception>
    public static string PathSegment(string? id, string parameterName)
    {
        var escaped = ApiUri.Segment(id, parameterName);
        if (!escaped.Contains('%', StringComparison.Ordinal))
        {
            // Ids (UUIDs) and plain names need nothing more; this is the path of nearly every call.
            return escaped;
        }

        var path = new StringBuilder(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            // Stryker disable once Equality,Arithmetic : EscapeDataString writes whole %XX triplets, so a '%' always has two characters after it and the bound holds whichever way it is written
            if (escaped[i] == '%' && i + 2 < escaped.Length
                && byte.TryParse(escaped.AsSpan(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var value)
                && DjangoUnescaped.Contains((char)value, StringComparison.Ordinal))
            {
                path.Append((char)value);
                i += 2;
            }
            else
            {
                path.Append(escaped[i]);
            }
        }

        return path.ToString();
    }

    // The characters Django's escape_uri_path leaves as they are, besides the unreserved ones.
    private const string DjangoUnescaped = ":@&+$,!*'()";

    /// <summary>Checks user ids: JumpServer user ids are UUIDs, and the server rejects anything else.</summary>
    /// <exception cref="ArgumentException">An id is not a UUID.</exception>
    public static List<string> UserIds(IEnumerable<string> userIds, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(userIds, parameterName);
        var ids = new List<string>();
        foreach (var id in userIds)
        {
            ids.Add(UserId(id, parameterName));
        }

        return ids.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Checks one user id.</summary>
    /// <exception cref="ArgumentException">The id is not a UUID.</exception>
    public static string UserId(string? userId, string parameterName)
    {
        if (!Guid.TryParseExact(userId, "D", out var id))
        {
            throw new ArgumentException($"A JumpServer user id is a UUID; '{userId}' is not.", parameterName);
        }

        // Stryker disable once String : an empty format is "D" for a Guid
        return id.ToString("D");
    }
}
