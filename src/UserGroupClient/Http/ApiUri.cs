namespace UserGroupClient.Http;

/// <summary>
/// The one place where ids and names become parts of a request URI. Path segments are percent-encoded, and values
/// that would change which path the server sees (a <c>/</c> or <c>\</c> the server decodes before routing,
/// <c>.</c> and <c>..</c>, control characters, blank values) are refused before anything is sent.
/// </summary>
internal static class ApiUri
{
    /// <summary>Longest id or name accepted in a path; longer ones are certainly not ids and may break proxies.</summary>
    public const int MaxSegmentLength = 1024;

    /// <summary>Checks and percent-encodes one path segment.</summary>
    /// <exception cref="ArgumentException">The value is blank, too long, a dot segment, or holds a slash, backslash or control character.</exception>
    public static string Segment(string? value, string parameterName) => Uri.EscapeDataString(Id(value, parameterName));

    /// <summary>
    /// Checks an id or name by the path-segment rules and returns it unescaped, for ids that travel in a query or body
    /// but must name the same resource a path would.
    /// </summary>
    /// <exception cref="ArgumentException">The value is blank, too long, a dot segment, or holds a slash, backslash or control character.</exception>
    public static string Id(string? value, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("The value must not be empty or whitespace.", parameterName);
        }

        if (value.Length > MaxSegmentLength)
        {
            throw new ArgumentException($"The value is {value.Length} characters long; at most {MaxSegmentLength} are accepted in a request path.", parameterName);
        }

        if (value is "." or "..")
        {
            throw new ArgumentException("'.' and '..' would change the request path.", parameterName);
        }

        foreach (var c in value)
        {
            if (c is '/' or '\\')
            {
                throw new ArgumentException("The value contains a slash or backslash, which the server would read as a path separator.", parameterName);
            }

            if (char.IsControl(c))
            {
                throw new ArgumentException("The value contains a control character (such as CR, LF or NUL).", parameterName);
            }
        }

        return value;
    }

    /// <summary>
    /// Checks a search text or name that travels in a query string: control characters are refused, and so is a value
    /// longer than <see cref="MaxSegmentLength"/>, which no server matches and which would push the request line past
    /// what servers and proxies accept (they answer 414). <see langword="null"/> passes through.
    /// </summary>
    /// <exception cref="ArgumentException">The value is too long or holds a control character.</exception>
    public static string? QueryValue(string? value, string parameterName)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > MaxSegmentLength)
        {
            throw new ArgumentException($"The value is {value.Length} characters long; at most {MaxSegmentLength} are accepted in a query.", parameterName);
        }

        return RejectControlCharacters(value, parameterName);
    }

    /// <summary>Checks a value that travels in a query string or a body: control characters are refused.</summary>
    /// <exception cref="ArgumentException">The value holds a control character.</exception>
    public static string RejectControlCharacters(string value, string parameterName)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException("The value contains a control character (such as CR, LF or NUL).", parameterName);
            }
        }

        return value;
    }
}
