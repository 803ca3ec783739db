using System.Text;

namespace UserGroupClient.Testing.JumpServer;

/// <summary>
/// httpsig 1.3.0's <c>parse_authorization_header</c>: the scheme is everything before the first space; the rest is
/// split like <c>urllib.request.parse_http_list</c>, and parameter names are lower-cased.
/// </summary>
internal sealed class SignatureParameters
{
    private readonly Dictionary<string, string> values;

    private SignatureParameters(string scheme, Dictionary<string, string> values)
    {
        Scheme = scheme;
        this.values = values;
    }

    public string Scheme { get; }

    public int Count => values.Count;

    public string? this[string name] => values.GetValueOrDefault(name);

    public static SignatureParameters Parse(string header)
    {
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? header : header[..space];
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (space >= 0)
        {
            foreach (var item in ParseHttpList(header[(space + 1)..]))
            {
                var equals = item.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0 || equals == item.Length - 1)
                {
                    continue;
                }

                var key = item[..equals];
                var value = item[(equals + 1)..];

                // httpsig drops the first and last character of a quoted value, whatever the last one is.
                if (value[0] == '"')
                {
                    value = value.Length > 1 ? value[1..^1] : string.Empty;
                }

                values[key.ToLowerInvariant()] = value;
            }
        }

        return new SignatureParameters(scheme, values);
    }

    /// <summary><c>urllib.request.parse_http_list</c>: commas outside quotes split; a backslash inside quotes escapes the next character.</summary>
    private static List<string> ParseHttpList(string text)
    {
        var items = new List<string>();
        var part = new StringBuilder();
        var escape = false;
        var quote = false;
        foreach (var c in text)
        {
            if (escape)
            {
                part.Append(c);
                escape = false;
            }
            else if (quote)
            {
                if (c == '\\')
                {
                    escape = true;
                    continue;
                }

                if (c == '"')
                {
                    quote = false;
                }

                part.Append(c);
            }
            else if (c == ',')
            {
                items.Add(part.ToString());
                part.Clear();
            }
            else
            {
                if (c == '"')
                {
                    quote = true;
                }

                part.Append(c);
            }
        }

        if (part.Length > 0)
        {
            items.Add(part.ToString());
        }

        return items.Select(item => item.Trim()).ToList();
    }
}
