using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace UserGroupClient.Testing.Hosting;

/// <summary>Writes emulator responses without reflection-based serialization.</summary>
internal static class JsonResponse
{
    // Servers written in Python and Java emit non-ASCII text as raw UTF-8, not as \u escapes.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Serialize(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            if (node is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                node.WriteTo(writer);
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static Task WriteJsonAsync(HttpResponse response, int statusCode, JsonNode? node, string contentType = "application/json") =>
        WriteBytesAsync(response, statusCode, contentType, Serialize(node));

    public static Task WriteTextAsync(HttpResponse response, int statusCode, string contentType, string text) =>
        WriteBytesAsync(response, statusCode, contentType, Encoding.UTF8.GetBytes(text));

    public static void WriteEmpty(HttpResponse response, int statusCode) => response.StatusCode = statusCode;

    private static Task WriteBytesAsync(HttpResponse response, int statusCode, string contentType, byte[] body)
    {
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        return response.Body.WriteAsync(body, 0, body.Length, response.HttpContext.RequestAborted);
    }
}
