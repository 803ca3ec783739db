using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.Kylin;

/// <summary>
/// Spring Boot's error controller as Kylin 5 and KE 4 leave it: for what fails outside a controller (no route, wrong
/// method, no acceptable type, the v2 filter, ambiguous handlers) a JSON body of <c>timestamp</c>, <c>status</c>,
/// <c>error</c> and <c>path</c>, the message left out as Spring Boot does by default (docs/wire/kylin.md §12.1).
/// </summary>
internal static class KylinSpringBootErrors
{
    public static Task WriteAsync(HttpContext context, int status, TimeProvider clock)
    {
        var body = new JsonObject
        {
            ["timestamp"] = clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            ["status"] = status,
            ["error"] = status switch
            {
                StatusCodes.Status404NotFound => "Not Found",
                StatusCodes.Status405MethodNotAllowed => "Method Not Allowed",
                StatusCodes.Status406NotAcceptable => "Not Acceptable",
                _ => "Internal Server Error",
            },
            ["path"] = RequestTarget.From(context).Path,
        };
        return JsonResponse.WriteJsonAsync(context.Response, status, body);
    }
}
