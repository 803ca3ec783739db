using System.Net;
using System.Text.Json;
using UserGroupClient.Http;

namespace UserGroupClient.Kylin;

/// <summary>
/// Recognises the answers of Kylin servers that do not speak the KAP / Kyligence Enterprise 3.x v2 <c>user_group</c> API
/// (docs/wire/kylin.md §1, §9). KAP itself answers every SDK request either with data or with its error envelope
/// (<c>code</c> "999", HTTP 500 for business errors), so none of these shapes can be one of its own errors:
/// <list type="bullet">
/// <item>Apache Kylin 3.x/4.x produce only <c>application/json</c>: 406 where a handler matches, 405 where only another
/// method does (Tomcat HTML pages).</item>
/// <item>Kylin 5 and Kyligence Enterprise 4.x refuse a v2 request for a route without a v2 handler in a servlet filter:
/// HTTP 500 with Spring Boot's error JSON (<c>status</c>, <c>error</c>, no <c>code</c>), or, in builds that report it,
/// the text "API of version v2 is no longer supported".</item>
/// </list>
/// </summary>
internal static class KylinUnsupportedServer
{
    private const string Problem = "the server does not speak the KAP / Kyligence Enterprise 3.x v2 API";

    private const string Supported =
        "This SDK supports the KAP / Kyligence Enterprise 3.x v2 API only; Apache Kylin 3.x/4.x, Kyligence Enterprise 4.x and Kylin 5 are not supported yet.";

    /// <summary>Describes the problem when the response comes from a server without the v2 API; otherwise <see langword="null"/>.</summary>
    public static string? Describe(ApiErrorResponse response)
    {
        var status = (int)response.StatusCode;
        if (response.Body.Contains("API of version v2 is no longer supported", StringComparison.OrdinalIgnoreCase))
        {
            return $"{Problem}: it answered that the v2 API is no longer supported (HTTP {status}), as Kylin 5 and Kyligence Enterprise 4.x do. {Supported}";
        }

        return response.StatusCode switch
        {
            HttpStatusCode.NotAcceptable =>
                $"{Problem}: it refused the v2 media type (application/vnd.apache.kylin-v2+json) with HTTP 406 Not Acceptable, as Apache Kylin 3.x/4.x do. {Supported}",
            HttpStatusCode.MethodNotAllowed =>
                $"{Problem}: it has no endpoint for this v2 call (HTTP 405 Method Not Allowed), as Apache Kylin 3.x/4.x answer. {Supported}",
            HttpStatusCode.InternalServerError when IsSpringBootError(response.Json) =>
                $"{Problem}: it refused the v2 request with HTTP 500 and Spring Boot's error body instead of Kylin's error envelope, as Kylin 5 and Kyligence Enterprise 4.x do. {Supported}",
            _ => null,
        };
    }

    private static bool IsSpringBootError(JsonElement? json) =>
        json is { ValueKind: JsonValueKind.Object } body
        && !body.TryGetProperty("code", out _)
        && body.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Number
        && body.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String;
}
