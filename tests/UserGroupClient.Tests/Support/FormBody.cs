using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace UserGroupClient.Tests.Support;

/// <summary>Reads the fields of a form body the way a server's form parser does, strictly enough to catch a malformed one.</summary>
internal static partial class FormBody
{
    /// <summary>
    /// The fields of a <c>multipart/form-data</c> or <c>application/x-www-form-urlencoded</c> body; empty for any other
    /// content type (JSON), as a form-only server sees it.
    /// </summary>
    public static Dictionary<string, string> Read(MediaTypeHeaderValue? contentType, string body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (contentType?.MediaType)
        {
            case "application/x-www-form-urlencoded":
                foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
                {
                    var (name, value) = pair.IndexOf('=', StringComparison.Ordinal) is var equals and >= 0 ? (pair[..equals], pair[(equals + 1)..]) : (pair, "");
                    fields[Unescape(name)] = Unescape(value);
                }

                break;
            case "multipart/form-data":
                var boundary = contentType.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');
                var parts = body.Split("--" + boundary);
                Assert.Equal("", parts[0]);
                Assert.Equal("--\r\n", parts[^1]);
                foreach (var part in parts[1..^1])
                {
                    Assert.StartsWith("\r\n", part, StringComparison.Ordinal);
                    Assert.EndsWith("\r\n", part, StringComparison.Ordinal);
                    var headersEnd = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                    var name = FieldName().Match(part[..headersEnd]);
                    Assert.True(name.Success, $"a part without a form-data name: {part[..headersEnd]}");
                    fields[name.Groups["name"].Value] = part[(headersEnd + 4)..^2];
                }

                break;
        }

        return fields;
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    [GeneratedRegex("^\r\nContent-Disposition: form-data; name=\"(?<name>[^\"]+)\"")]
    private static partial Regex FieldName();
}
