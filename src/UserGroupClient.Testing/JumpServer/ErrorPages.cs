using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.JumpServer;

/// <summary>JumpServer's Django-level <c>handler404</c> and <c>handler500</c>: JSON only when the request's Content-Type is JSON.</summary>
internal static class ErrorPages
{
    private const string NotFoundPage =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>404 Not Found</title></head>\n"
        + "<body><h1>Not Found</h1><p>The requested resource was not found on this server.</p></body>\n</html>\n";

    private const string ServerErrorPage =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>500 Server Error</title></head>\n"
        + "<body><h1>Server Error (500)</h1><p>The server encountered an internal error.</p></body>\n</html>\n";

    public static Task WriteNotFoundAsync(HttpContext context) =>
        IsJsonRequest(context.Request)
            ? JsonResponse.WriteJsonAsync(context.Response, 404, new JsonObject { ["error"] = "Not found" })
            : JsonResponse.WriteTextAsync(context.Response, 404, "text/html; charset=utf-8", NotFoundPage);

    public static Task WriteServerErrorAsync(HttpContext context) =>
        IsJsonRequest(context.Request)
            ? JsonResponse.WriteJsonAsync(context.Response, 500, new JsonObject { ["error"] = "Server internal error" })
            : JsonResponse.WriteTextAsync(context.Response, 500, "text/html; charset=utf-8", ServerErrorPage);

    private static bool IsJsonRequest(HttpRequest request) =>
        request.ContentType?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true;
}
