using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.Kylin;

/// <summary>
/// What servers without the KAP v2 <c>user_group</c> API answer to the SDK's v2 requests (docs/wire/kylin.md §9):
/// Apache Kylin 3.x/4.x through Spring MVC's content negotiation and Tomcat's error pages, Kylin 5 and KE 4.x through the
/// filter that refuses v2 requests for routes without a v2 handler.
/// </summary>
internal static class KylinForeignV2Answers
{
    private const string TomcatVersion = "Apache Tomcat/8.5.78";

    private const string WebUiPage = "<!DOCTYPE html>\n<html ng-app=\"kylin\">\n<head>\n  <meta charset=\"utf-8\">\n  <title>Kylin</title>\n</head>\n<body>\n  <div ng-view></div>\n</body>\n</html>\n";

    /// <summary>Whether Kylin 5's filter refuses the request: the <c>Accept</c> is exactly the v2 type and no v2 handler matches.</summary>
    public static bool Kylin5Refuses(HttpRequest request, string path) =>
        string.Equals(request.Headers.Accept.ToString(), KylinResponses.V2Type, StringComparison.OrdinalIgnoreCase)
        && !(HttpMethods.IsGet(request.Method) && path.TrimEnd('/').EndsWith("/user_group/usersWithGroup", StringComparison.Ordinal));

    /// <summary>The filter's exception, rendered by Spring Boot's error controller (its message left out, the default).</summary>
    public static Task Kylin5Async(HttpContext context, string path, TimeProvider clock)
    {
        var body = new JsonObject
        {
            ["timestamp"] = clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            ["status"] = StatusCodes.Status500InternalServerError,
            ["error"] = "Internal Server Error",
            ["path"] = path,
        };
        return JsonResponse.WriteJsonAsync(context.Response, StatusCodes.Status500InternalServerError, body);
    }

    /// <summary>Apache Kylin's answer to a v2 request for a path under <c>user_group/</c>, split into its segments.</summary>
    public static Task ApacheAsync(HttpContext context, string[] segments)
    {
        var method = context.Request.Method;
        var writes = HttpMethods.IsPost(method) || HttpMethods.IsDelete(method);
        if (segments is ["groups"] or ["users", _] || (segments is [_] && writes))
        {
            return TomcatPageAsync(context, StatusCodes.Status406NotAcceptable, "Not Acceptable", "The target resource does not have a current representation that would be acceptable to the user agent, according to the proactive negotiation header fields received in the request, and the server is unwilling to supply a default representation.");
        }

        // Only POST and DELETE map a single segment ({groupName}); an unmatched path is the web UI's 404 page.
        return segments is [_]
            ? TomcatPageAsync(context, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed", "The method received in the request-line is known by the origin server but not supported by the target resource.")
            : JsonResponse.WriteTextAsync(context.Response, StatusCodes.Status404NotFound, "text/html", WebUiPage);
    }

    private static Task TomcatPageAsync(HttpContext context, int status, string reason, string description) =>
        JsonResponse.WriteTextAsync(
            context.Response,
            status,
            "text/html;charset=utf-8",
            $"<!doctype html><html lang=\"en\"><head><title>HTTP Status {status} – {reason}</title></head><body><h1>HTTP Status {status} – {reason}</h1><hr class=\"line\" /><p><b>Type</b> Status Report</p><p><b>Description</b> {description}</p><hr class=\"line\" /><h3>{TomcatVersion}</h3></body></html>");
}
