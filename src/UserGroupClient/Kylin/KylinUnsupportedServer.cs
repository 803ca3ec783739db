using System.Net;
using System.Text.Json;
using UserGroupClient.Http;

namespace UserGroupClient.Kylin;

/// <summary>
/// Recognises the answers a Kylin server gives to a request of another flavor's user-group API (docs/wire/kylin.md §10–§12).
/// Each flavor answers the requests of its own API either with data or with its error envelope, so none of these
/// shapes can be one of its own business errors:
/// <list type="bullet">
/// <item>a media type the server's handlers do not produce: HTTP 406 (Apache Kylin's Tomcat page for the KAP v2 or
/// v4-public type, Kylin 5's Spring Boot error JSON for plain JSON, KAP's empty answer for anything but v2);</item>
/// <item>a route that exists only for another method: HTTP 405 (Apache Kylin's page for the v2 <c>usersWithGroup</c>);</item>
/// <item>Kylin 5 and Kyligence Enterprise 4.x refusing a v2 request in a servlet filter: HTTP 500 with Spring Boot's
/// error JSON (<c>status</c>, <c>error</c>, no <c>code</c>), or, in builds that report it, the text "API of version v2
/// is no longer supported".</item>
/// </list>
/// The exception says what the answer shows; the typed APIs then find out the server's flavor and name both
/// (<see cref="KylinFlavorMismatch"/>).
/// </summary>
internal static class KylinUnsupportedServer
{
    private const string Problem = "the server does not serve this user-group API, so it is a Kylin of another flavor";

    /// <summary>Describes the problem when the response comes from a server of another flavor; otherwise <see langword="null"/>.</summary>
    public static string? Describe(ApiErrorResponse response)
    {
        var status = (int)response.StatusCode;
        if (response.Body.Contains("API of version v2 is no longer supported", StringComparison.OrdinalIgnoreCase))
        {
            return $"{Problem}: it answered that the KAP v2 API is no longer supported (HTTP {status}), as Kylin 5 and Kyligence Enterprise 4.x do";
        }

        return response.StatusCode switch
        {
            HttpStatusCode.NotAcceptable =>
                $"{Problem}: it refused the request's media type with HTTP 406 Not Acceptable, as Apache Kylin 3.x/4.x refuse the KAP v2 and v4-public types, Kylin 5 and Kyligence Enterprise 4.x plain JSON, and KAP 3.x everything but v2",
            HttpStatusCode.MethodNotAllowed =>
                $"{Problem}: it has no endpoint for this call (HTTP 405 Method Not Allowed), as Apache Kylin 3.x/4.x answer the KAP v2 usersWithGroup",
            HttpStatusCode.InternalServerError when IsSpringBootError(response.Json) =>
                $"{Problem}: it refused the request with HTTP 500 and Spring Boot's error body instead of Kylin's error envelope, as Kylin 5 and Kyligence Enterprise 4.x refuse the KAP v2 media type",
            _ => null,
        };
    }

    private static bool IsSpringBootError(JsonElement? json) =>
        json is { ValueKind: JsonValueKind.Object } body
        && !body.TryGetProperty("code", out _)
        && body.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Number
        && body.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String;
}
