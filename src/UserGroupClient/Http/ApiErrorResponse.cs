using System.Net;
using System.Text.Json;

namespace UserGroupClient.Http;

/// <summary>A failed response as the dialect's <see cref="ApiErrorMapper"/> sees it.</summary>
internal sealed class ApiErrorResponse
{
    /// <summary>Creates the view of one failed response.</summary>
    public ApiErrorResponse(HttpStatusCode statusCode, string method, Uri requestUri, string body, JsonElement? json, TimeSpan? retryAfter)
    {
        StatusCode = statusCode;
        Method = method;
        RequestUri = requestUri;
        Body = body;
        Json = json;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The request method.</summary>
    public string Method { get; }

    /// <summary>The request URI.</summary>
    public Uri RequestUri { get; }

    /// <summary>The body's start, capped and redacted.</summary>
    public string Body { get; }

    /// <summary>The body parsed as JSON, when it was complete, valid JSON.</summary>
    public JsonElement? Json { get; }

    /// <summary>The <c>Retry-After</c> delay, when given.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Reads a string property of a JSON object body.</summary>
    public string? GetString(string property) =>
        Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
