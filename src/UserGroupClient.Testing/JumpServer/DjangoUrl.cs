using System.Text;

namespace UserGroupClient.Testing.JumpServer;

/// <summary>
/// URL handling as Django and Python's <c>urllib.parse</c> do it, so that signed paths, redirects and paging links
/// come out byte for byte like the server's.
/// </summary>
internal static class DjangoUrl
{
    private const string AlwaysSafe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~";

    /// <summary>The ASGI server percent-decodes the target's path (UTF-8, bad bytes replaced) before Django sees it.</summary>
    public static string DecodePath(string rawPath) => Unquote(rawPath);

    /// <summary>Django's <c>escape_uri_path</c>.</summary>
    public static string EscapeUriPath(string path) => Quote(path, "/:@&+$,-_.!~*'()");

    /// <summary>Django's <c>iri_to_uri</c>, applied to the raw query string.</summary>
    public static string IriToUri(string text) => Quote(text, "/#%[]=:;$&()+,!?*@'~");

    /// <summary>Django's <c>HttpRequest.get_full_path()</c>: what the server signs as the <c>(request-target)</c> path.</summary>
    public static string FullPath(string pathInfo, string rawQuery, bool appendSlash = false) =>
        EscapeUriPath(pathInfo)
        + (appendSlash && !pathInfo.EndsWith('/') ? "/" : string.Empty)
        + (rawQuery.Length > 0 ? "?" + IriToUri(rawQuery) : string.Empty);

    /// <summary><c>urllib.parse.parse_qsl(query, keep_blank_values=True)</c>; Django's <c>QueryDict</c> parses the same way.</summary>
    public static List<KeyValuePair<string, string>> ParseQuery(string query)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var field in query.Split('&'))
        {
            if (field.Length == 0)
            {
                continue;
            }

            var equals = field.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? field : field[..equals];
            var value = equals < 0 ? string.Empty : field[(equals + 1)..];
            pairs.Add(new(Unquote(name.Replace('+', ' ')), Unquote(value.Replace('+', ' '))));
        }

        return pairs;
    }

    /// <summary><c>urllib.parse.urlencode(pairs)</c>: <c>quote_plus</c> on names and values.</summary>
    public static string UrlEncode(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join('&', pairs.Select(pair => QuotePlus(pair.Key) + "=" + QuotePlus(pair.Value)));

    /// <summary><c>urllib.parse.quote(text, safe)</c>: UTF-8, upper-case hex escapes.</summary>
    public static string Quote(string text, string safe)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (b < 0x80 && (AlwaysSafe.Contains(c, StringComparison.Ordinal) || safe.Contains(c, StringComparison.Ordinal)))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string QuotePlus(string text) => Quote(text, " ").Replace(' ', '+');

    /// <summary><c>urllib.parse.unquote</c>: decodes valid <c>%XX</c> escapes as UTF-8 and leaves malformed ones as they are.</summary>
    private static string Unquote(string text)
    {
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }

        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                var length = char.IsSurrogatePair(text, i) ? 2 : 1;
                bytes.AddRange(Encoding.UTF8.GetBytes(text.Substring(i, length)));
                i += length - 1;
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
