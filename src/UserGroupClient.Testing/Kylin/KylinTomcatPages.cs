using Microsoft.AspNetCore.Http;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.Kylin;

/// <summary>
/// The pages Apache Kylin's Tomcat writes for <c>sendError</c> statuses (401, 405, 406, 400), and the web UI's
/// <c>index.html</c> that <c>web.xml</c> serves for 404 (docs/wire/kylin.md §11.1); Kylin 5 and KE 4 show the 400 page
/// for encoded slashes too.
/// </summary>
internal static class KylinTomcatPages
{
    private const string WebUiPage = "<!DOCTYPE html>\n<html ng-app=\"kylin\">\n<head>\n  <meta charset=\"utf-8\">\n  <title>Kylin</title>\n</head>\n<body>\n  <div ng-view></div>\n</body>\n</html>\n";

    public static Task UnauthorizedAsync(HttpContext context, KylinEmulatorFlavor flavor) =>
        PageAsync(context, flavor, StatusCodes.Status401Unauthorized, "Unauthorized", "The request has not been applied because it lacks valid authentication credentials for the target resource.");

    public static Task BadRequestAsync(HttpContext context, KylinEmulatorFlavor flavor) =>
        PageAsync(context, flavor, StatusCodes.Status400BadRequest, "Bad Request", "The server cannot or will not process the request due to something that is perceived to be a client error (e.g., malformed request syntax, invalid request message framing, or deceptive request routing).");

    public static Task MethodNotAllowedAsync(HttpContext context, KylinEmulatorFlavor flavor) =>
        PageAsync(context, flavor, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed", "The method received in the request-line is known by the origin server but not supported by the target resource.");

    public static Task NotAcceptableAsync(HttpContext context, KylinEmulatorFlavor flavor) =>
        PageAsync(context, flavor, StatusCodes.Status406NotAcceptable, "Not Acceptable", "The target resource does not have a current representation that would be acceptable to the user agent, according to the proactive negotiation header fields received in the request, and the server is unwilling to supply a default representation.");

    public static Task WebUiNotFoundAsync(HttpContext context) =>
        JsonResponse.WriteTextAsync(context.Response, StatusCodes.Status404NotFound, "text/html", WebUiPage);

    private static Task PageAsync(HttpContext context, KylinEmulatorFlavor flavor, int status, string reason, string description)
    {
        // Kylin 5 and KE 4 run Spring Boot's embedded Tomcat, whose pages leave the version out.
        var tomcat = flavor switch
        {
            KylinEmulatorFlavor.Apache3 => "Apache Tomcat/7.0.100",
            KylinEmulatorFlavor.Apache4 => "Apache Tomcat/8.5.78",
            _ => "Apache Tomcat",
        };
        return JsonResponse.WriteTextAsync(
            context.Response,
            status,
            "text/html;charset=utf-8",
            $"<!doctype html><html lang=\"en\"><head><title>HTTP Status {status} – {reason}</title></head><body><h1>HTTP Status {status} – {reason}</h1><hr class=\"line\" /><p><b>Type</b> Status Report</p><p><b>Description</b> {description}</p><hr class=\"line\" /><h3>{tomcat}</h3></body></html>");
    }
}
