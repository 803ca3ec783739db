using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace UserGroupClient.Testing.JumpServer;

/// <summary>Value parsing with the server's (Python's) rules, where they differ from .NET's.</summary>
internal static partial class PythonValues
{
    /// <summary>
    /// Python's <c>int(text)</c>: surrounding whitespace, a sign, and single underscores between digits are allowed.
    /// Values beyond <see cref="long"/> saturate, which is enough for limits and offsets.
    /// </summary>
    public static bool TryParseInt(string text, out long value)
    {
        value = 0;
        var span = text.AsSpan().Trim();
        var negative = false;
        if (span.Length > 0 && (span[0] == '+' || span[0] == '-'))
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        if (span.Length == 0 || !char.IsAsciiDigit(span[0]) || !char.IsAsciiDigit(span[^1]))
        {
            return false;
        }

        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (c == '_')
            {
                if (span[i - 1] == '_')
                {
                    return false;
                }

                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = value > (long.MaxValue - 9) / 10 ? long.MaxValue : (value * 10) + (c - '0');
        }

        value = negative ? -value : value;
        return true;
    }

    /// <summary>
    /// Python's <c>uuid.UUID(text)</c> as Django's UUID fields use it: optional <c>urn:</c>/<c>uuid:</c> prefixes,
    /// braces and hyphens, then exactly 32 hex digits. Returns the canonical lower-case form.
    /// </summary>
    public static bool TryNormalizeUuid(string? text, out string uuid)
    {
        uuid = string.Empty;
        if (text is null)
        {
            return false;
        }

        var hex = text.Replace("urn:", string.Empty, StringComparison.Ordinal)
            .Replace("uuid:", string.Empty, StringComparison.Ordinal)
            .Trim('{', '}')
            .Replace("-", string.Empty, StringComparison.Ordinal);
        if (hex.Length != 32 || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        uuid = Guid.ParseExact(hex, "N").ToString("D");
        return true;
    }

    /// <summary>JumpServer's <c>is_uuid</c>: a loose pattern match, used to decide between lookup by id and by name.</summary>
    public static bool LooksLikeUuid(string text) => UuidPattern().IsMatch(text);

    /// <summary>The Python type name DRF puts in messages such as <c>Expected a list of items but got type "dict".</c></summary>
    public static string TypeName(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "NoneType",
        JsonValueKind.Object => "dict",
        JsonValueKind.Array => "list",
        JsonValueKind.String => "str",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => IsInteger(node) ? "int" : "float",
    };

    /// <summary>Python's <c>str()</c> of a JSON scalar, as DRF's <c>CharField</c> coerces numbers.</summary>
    public static string ScalarText(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.String => node.GetValue<string>(),
        JsonValueKind.Number when IsInteger(node) => node.ToJsonString(),
        JsonValueKind.Number => node.GetValue<double>().ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        _ => node.ToJsonString(),
    };

    private static bool IsInteger(JsonNode node)
    {
        var text = node.ToJsonString();
        return !text.Contains('.', StringComparison.Ordinal) && !text.Contains('e', StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"^\w{8}(-\w{4}){3}-\w{12}")]
    private static partial Regex UuidPattern();
}
