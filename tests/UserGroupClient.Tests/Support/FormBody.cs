using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace UserGroupClient.Tests.Support;

/// <summary>Reads the fields of a multipart form body the way a server's form parser does, strictly enough to catch a malformed one.</summary>
internal static partial class FormBody
{
    /// <summary>The fields of a <c>multipart/form-data</c> body; empty for any other content type (JSON), as a form-only server sees it.</summary>
    public static Dictionary<string, string> Read(MediaTypeHeaderValue? contentType, string body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (contentType?.MediaType != "multipart/form-data")
        {
            return fields;
        }

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

        return fields;
    }

    [GeneratedRegex("^\r\nContent-Disposition: form-data; name=\"(?<name>[^\"]+)\"")]
    private static partial Regex FieldName();
}
