using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.Kylin;

/// <summary>
/// Reading Kylin 5 / KE 4 requests as Spring does before a handler runs (parameters converted, JSON bodies read) and
/// writing the envelope, the errors and <c>DataResult</c> pages (docs/wire/kylin.md §12.2, §12.3).
/// </summary>
internal static class KylinV4Requests
{
    public static bool TryReadPage(IQueryCollection query, string offsetKey, string sizeKey, out int offset, out int size, out KylinV4Error? error)
    {
        size = 10;
        error = null;
        return TryReadInt(query, offsetKey, 0, out offset, ref error) && TryReadInt(query, sizeKey, 10, out size, ref error);
    }

    /// <summary>A boolean parameter; absent or empty is false, as for a primitive <c>boolean</c>.</summary>
    public static bool TryReadBoolean(IQueryCollection query, string key, out bool value, out KylinV4Error? error)
    {
        var text = query[key].ToString();
        value = text.ToLowerInvariant() is "true" or "on" or "yes" or "1";
        error = value || text.ToLowerInvariant() is "" or "false" or "off" or "no" or "0"
            ? null
            : KylinV4Failures.InvalidParameter($"Failed to convert value of type 'java.lang.String' to required type 'boolean'; nested exception is java.lang.IllegalArgumentException: Invalid boolean value [{text}]");
        return error is null;
    }

    /// <summary>The JSON body, or Spring's refusal: a type other than JSON, no body, or unparsable JSON.</summary>
    public static (JsonNode? Body, KylinV4Error? Error) ReadBody(HttpContext context)
    {
        var contentType = context.Request.ContentType;
        var mediaType = contentType?.Split(';')[0].Trim() ?? string.Empty;
        if (!mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) && !mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, KylinV4Error.Java("org.springframework.web.HttpMediaTypeNotSupportedException", $"Content type '{contentType ?? "application/octet-stream"}' not supported"));
        }

        var body = context.Features.Get<RequestBodyFeature>()?.Body ?? [];
        if (body.Length == 0)
        {
            return (null, KylinV4Error.Java("org.springframework.http.converter.HttpMessageNotReadableException", "Required request body is missing"));
        }

        try
        {
            return (JsonNode.Parse(body), null);
        }
        catch (JsonException)
        {
            return (null, NotReadable("Unexpected character: was expecting a JSON value"));
        }
    }

    /// <summary>A body that must be a JSON array of strings (nulls allowed, as Jackson reads them).</summary>
    public static (List<string?>? Items, KylinV4Error? Error) ReadStringArray(HttpContext context)
    {
        var (body, error) = ReadBody(context);
        if (error is not null)
        {
            return (null, error);
        }

        return ToStrings(body, out var items)
            ? (items, null)
            : (null, NotReadable($"Cannot deserialize value of type `java.util.ArrayList<java.lang.String>` from {Token(body)} token"));
    }

    /// <summary>A body that must be a JSON object; <see langword="null"/> members read as absent.</summary>
    public static (JsonObject? Body, KylinV4Error? Error) ReadObject(HttpContext context, string type)
    {
        var (body, error) = ReadBody(context);
        return error is not null ? (null, error)
            : body is JsonObject json ? (json, null)
            : (null, NotReadable($"Cannot deserialize value of type `{type}` from {Token(body)} token"));
    }

    public static bool ToStrings(JsonNode? node, out List<string?> items)
    {
        items = [];
        if (node is not JsonArray array)
        {
            return false;
        }

        foreach (var item in array)
        {
            if (item is null)
            {
                items.Add(null);
            }
            else if (item is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            {
                items.Add(value.GetValue<string>());
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    public static string? ReadString(JsonObject body, string key) =>
        body[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>A <c>DataResult</c>: one page (<c>page_offset</c> is a page index), the total, and the paging as asked.</summary>
    public static (JsonObject? Page, KylinV4Error? Error) Page<T>(List<T> items, int offset, int size, Func<T, JsonNode?> render)
    {
        var begin = (long)offset * size;
        var (page, failure) = KylinJavaPaging.Cut(items, begin, begin + size);
        return failure is not null
            ? (null, KylinV4Failures.Paging(failure))
            : (new JsonObject { ["value"] = new JsonArray(page!.Select(render).ToArray()), ["total_size"] = items.Count, ["offset"] = offset, ["limit"] = size }, null);
    }

    public static Task OkAsync(KylinV4Call call, JsonNode? data, string msg) =>
        KylinResponses.OkAsync(call.Context, data, msg, call.MediaType);

    public static Task FailAsync(KylinV4Call call, KylinEmulatorFlavor flavor, KylinV4Error error) =>
        error.WriteAsync(call.Context, flavor, call.MediaType);

    private static bool TryReadInt(IQueryCollection query, string key, int fallback, out int value, ref KylinV4Error? error)
    {
        value = fallback;
        if (!query.TryGetValue(key, out var text) || text.ToString().Length == 0
            || int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        error = KylinV4Failures.InvalidParameter($"Failed to convert value of type 'java.lang.String' to required type 'java.lang.Integer'; nested exception is java.lang.NumberFormatException: For input string: \"{text}\"");
        return false;
    }

    private static KylinV4Error NotReadable(string detail) =>
        KylinV4Error.Java("org.springframework.http.converter.HttpMessageNotReadableException", "JSON parse error: " + detail);

    private static string Token(JsonNode? node) => node switch
    {
        JsonObject => "Object value (token `JsonToken.START_OBJECT`)",
        JsonArray => "Array value (token `JsonToken.START_ARRAY`)",
        null => "null value",
        _ => "scalar value",
    };
}
