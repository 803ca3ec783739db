using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace UserGroupClient.Testing.JumpServer;

/// <summary>The request's <c>request.data</c>, or the error DRF raises when it cannot be parsed.</summary>
/// <param name="Value">The parsed body; <see langword="null"/> for a JSON <c>null</c>.</param>
/// <param name="Error">The 400 or 415 answer when parsing failed.</param>
internal readonly record struct RequestData(JsonNode? Value, ApiResult? Error);

/// <summary>DRF's parsers as JumpServer configures them: JSON, URL-encoded and multipart forms.</summary>
internal static class RequestBodyReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 512 };

    public static async ValueTask<RequestData> ReadAsync(JumpServerRequest request, string[] listFields)
    {
        var body = request.Body;
        var contentType = request.Http.Request.ContentType ?? string.Empty;

        // DRF treats a request without a body as empty data, whatever the method and Content-Type.
        if (body.Length == 0)
        {
            return new RequestData(new JsonObject(), null);
        }

        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        switch (mediaType)
        {
            case "application/json":
                try
                {
                    return new RequestData(JsonNode.Parse(body, documentOptions: DocumentOptions), null);
                }
                catch (JsonException exception)
                {
                    var line = (exception.LineNumber ?? 0) + 1;
                    var column = (exception.BytePositionInLine ?? 0) + 1;
                    return new RequestData(null, ApiErrors.ParseError($"Invalid JSON: line {line} column {column}"));
                }

            case "application/x-www-form-urlencoded":
            case "multipart/form-data":
                return await ReadFormAsync(request.Http.Request, listFields).ConfigureAwait(false);

            default:
                return new RequestData(null, ApiErrors.UnsupportedMediaType(contentType));
        }
    }

    /// <summary>A form as a JSON object: one string per field (the last value, as <c>QueryDict</c>), and arrays for list fields.</summary>
    private static async ValueTask<RequestData> ReadFormAsync(HttpRequest request, string[] listFields)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (InvalidDataException exception)
        {
            return new RequestData(null, ApiResult.Detail(400, "Multipart form parse error - " + exception.Message, "parse_error"));
        }

        var data = new JsonObject();
        foreach (var (name, values) in form)
        {
            data[name] = listFields.Contains(name)
                ? new JsonArray(values.Select(value => (JsonNode?)JsonValue.Create(value)).ToArray())
                : JsonValue.Create(values[^1]);
        }

        return new RequestData(data, null);
    }
}
