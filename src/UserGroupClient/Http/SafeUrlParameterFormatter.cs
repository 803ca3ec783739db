using System.Reflection;
using Refit;

namespace UserGroupClient.Http;

/// <summary>
/// Refit's own formatting of path and query values, with control characters refused before anything is sent: they
/// are never part of an id or a name a server accepts. Dot segments cannot be refused here (Refit formats an
/// implicit query value as it formats a path value, and <c>..</c> is a fine name to search for); the call handler
/// refuses a path that lost segments to them (<see cref="RouteCheck"/>).
/// </summary>
internal sealed class SafeUrlParameterFormatter : IUrlParameterFormatter
{
    /// <summary>The one instance; it holds no state.</summary>
    public static readonly SafeUrlParameterFormatter Instance = new();

    private static readonly DefaultUrlParameterFormatter Default = new();

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The value holds a control character.</exception>
    public string? Format(object? value, ICustomAttributeProvider attributeProvider, Type type)
    {
        // Refit's formatting gives a string back as it is (a format applies to formattable values only), but only
        // after reading the parameter's attributes and copying the text: ids and names are strings, on every call.
        var text = value switch
        {
            string plain => plain,
            _ => Default.Format(value, attributeProvider, type),
        };
        if (text is not null && (text.AsSpan().IndexOfAnyInRange('\0', '\u001f') >= 0 || text.Contains('\u007f', StringComparison.Ordinal)))
        {
            throw new ArgumentException("A path or query value cannot hold control characters.");
        }

        return text;
    }
}
