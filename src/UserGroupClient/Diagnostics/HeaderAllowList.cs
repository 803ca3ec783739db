using System.Net.Http.Headers;
using System.Text;

namespace UserGroupClient.Diagnostics;

/// <summary>The headers that may be logged; everything else (Authorization, Cookie, tokens) is never written.</summary>
internal static class HeaderAllowList
{
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept", "Accept-Language", "Content-Type", "Content-Length", "Date", "Retry-After", "Location",
        "X-JMS-ORG", "X-Hydrogen-Env-ID", "X-Request-Id", "User-Agent", "Server",
    };

    /// <summary>Formats the allowed headers of both collections as <c>Name: value; …</c>.</summary>
    public static string Format(HttpHeaders headers, HttpHeaders? contentHeaders)
    {
        var text = new StringBuilder();
        Append(text, headers);
        if (contentHeaders is not null)
        {
            Append(text, contentHeaders);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, HttpHeaders headers)
    {
        foreach (var header in headers.NonValidated)
        {
            if (Allowed.Contains(header.Key))
            {
                text.Append(text.Length == 0 ? "" : "; ").Append(header.Key).Append(": ").Append(header.Value.ToString());
            }
        }
    }
}
