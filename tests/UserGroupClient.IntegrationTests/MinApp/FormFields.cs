using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.IntegrationTests.MinApp;

/// <summary>Reads a recorded form body with ASP.NET Core's own multipart reader, as a form-only server would.</summary>
internal static class FormFields
{
    /// <summary>The fields of a <c>multipart/form-data</c> body; empty for any other body.</summary>
    public static async Task<Dictionary<string, string>> ReadAsync(RecordedRequest request)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!MediaTypeHeaderValue.TryParse(request.GetHeader("Content-Type"), out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return fields;
        }

        using var body = new MemoryStream(Encoding.UTF8.GetBytes(request.Body));
        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(contentType.Boundary).Value!, body);
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            using var value = new StreamReader(section.Body, Encoding.UTF8);
            fields[section.GetContentDispositionHeader()!.Name.Value!] = await value.ReadToEndAsync();
        }

        return fields;
    }
}
