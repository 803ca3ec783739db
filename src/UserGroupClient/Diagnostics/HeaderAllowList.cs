using System.Net.Http.Headers;
using System.Text;
using UserGroupClient.Http;

namespace UserGroupClient.Diagnostics;

/// <summary>
/// The headers that may be logged; everything else (Authorization, Cookie, tokens) is never written. A
/// <c>Location</c> is written without its query and fragment, where a redirect carries an OAuth code or a token.
/// </summary>
internal static class HeaderAllowList
{
    private const string RemovedQuery = "?" + SecretRedactor.Mask;

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
                var value = header.Value.ToString();
                text.Append(text.Length == 0 ? "" : "; ").Append(header.Key).Append(": ")
                    .Append(header.Key.Equals("Location", StringComparison.OrdinalIgnoreCase) ? WithoutQuery(value) : value);
            }
        }
    }

    private static string WithoutQuery(string location)
    {
        var query = location.AsSpan().IndexOfAny('?', '#');
        return query < 0 ? location : string.Concat(location.AsSpan(0, query), RemovedQuery);
    }
}
