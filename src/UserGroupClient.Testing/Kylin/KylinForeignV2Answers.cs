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
}
