using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace UserGroupClient.ContractTests.Infrastructure;

/// <summary>
/// Reads a received <c>multipart/form-data</c> body with ASP.NET Core's own multipart reader, as a server that reads
/// only form fields would, and compares its fields with a contract's.
/// </summary>
public static class MultipartForm
{
    /// <summary>The request's form fields in the order sent; fails when the body is not <c>multipart/form-data</c> or repeats a field.</summary>
    public static IReadOnlyDictionary<string, string> Read(ReceivedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Header("Content-Type");
        Assert.True(
            MediaTypeHeaderValue.TryParse(header, out var contentType) && contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase),
            $"The body is not multipart/form-data (Content-Type: '{header}').");
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        Assert.False(string.IsNullOrEmpty(boundary), $"The multipart Content-Type names no boundary: '{header}'.");

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var bytes = request.Entry.RequestMessage.BodyAsBytes ?? Encoding.UTF8.GetBytes(request.Body ?? "");
        var reader = new MultipartReader(boundary, new MemoryStream(bytes));
        while (reader.ReadNextSectionAsync().GetAwaiter().GetResult() is { } section)
        {
            var name = section.GetContentDispositionHeader()?.Name.Value;
            Assert.False(string.IsNullOrEmpty(name), "A multipart section names no field.");
            using var value = new StreamReader(section.Body, Encoding.UTF8);
            Assert.True(fields.TryAdd(name!, value.ReadToEnd()), $"The form repeats the field '{name}'.");
        }

        return fields;
    }

    /// <summary>Asserts that the request's form has exactly <paramref name="expected"/>'s fields and values.</summary>
    internal static void AssertFields(string label, ReceivedRequest request, IReadOnlyDictionary<string, string> expected)
    {
        var fields = Read(request);
        Assert.True(
            NameValues.AreEqual(fields, expected),
            $"{label}: the form is {{{NameValues.Describe(fields)}}}, the contract says {{{NameValues.Describe(expected)}}}.");
    }
}
