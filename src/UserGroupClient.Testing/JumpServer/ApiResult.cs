using System.Text.Json.Nodes;

namespace UserGroupClient.Testing.JumpServer;

/// <summary>What a handler answers; the pipeline turns it into bytes on the wire.</summary>
internal sealed class ApiResult
{
    private ApiResult(int statusCode, JsonNode? body, bool hasBody, bool isServerError)
    {
        StatusCode = statusCode;
        Body = body;
        HasBody = hasBody;
        IsServerError = isServerError;
    }

    /// <summary>An unhandled server error: the body depends on the request's Content-Type (<c>handler500</c>).</summary>
    public static ApiResult ServerError { get; } = new(500, null, hasBody: false, isServerError: true);

    public int StatusCode { get; }

    public JsonNode? Body { get; }

    public bool HasBody { get; }

    public bool IsServerError { get; }

    /// <summary>Extra response headers, such as <c>WWW-Authenticate</c>.</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static ApiResult Json(int statusCode, JsonNode body) => new(statusCode, body, hasBody: true, isServerError: false);

    /// <summary>DRF's <c>Response(status=…)</c> with no data: no body and no Content-Type.</summary>
    public static ApiResult Empty(int statusCode) => new(statusCode, null, hasBody: false, isServerError: false);

    /// <summary>The <c>{"detail", "code"}</c> shape of every non-validation API error.</summary>
    public static ApiResult Detail(int statusCode, string detail, string code) =>
        Json(statusCode, new JsonObject { ["detail"] = detail, ["code"] = code });

    public ApiResult WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }
}
