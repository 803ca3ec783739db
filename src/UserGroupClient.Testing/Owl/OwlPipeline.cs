using System.Globalization;
using Microsoft.AspNetCore.Http;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.Owl;

/// <summary>
/// The request path through Owl v4's Gin router: route match (gin's plain-text 404 otherwise), then the JWT middleware
/// and the user middleware on every route but login, the admin gate on user create and delete, then the handler.
/// </summary>
internal sealed class OwlPipeline(OwlState state)
{
    private const string Prefix = "/api/v1/";

    private readonly OwlAuthHandlers _auth = new(state);
    private readonly OwlUserHandlers _users = new(state);
    private readonly OwlUserGroupHandlers _userGroups = new(state);
    private readonly OwlHostGroupHandlers _hostGroups = new(state);
    private readonly OwlHostHandlers _hosts = new(state);

    public async Task HandleAsync(HttpContext context)
    {
        OwlReply? reply;
        lock (state.Sync)
        {
            reply = Dispatch(context);
        }

        if (reply is null)
        {
            await JsonResponse.WriteTextAsync(context.Response, StatusCodes.Status404NotFound, "text/plain", "404 page not found").ConfigureAwait(false);
            return;
        }

        if (reply.Challenge)
        {
            context.Response.Headers.WWWAuthenticate = "JWT realm=TalkingData";
        }

        await JsonResponse.WriteJsonAsync(context.Response, reply.StatusCode, reply.Body, "application/json; charset=utf-8").ConfigureAwait(false);
    }

    private static int ParseId(string segment) =>
        int.TryParse(segment, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0;

    private (Func<OwlRequest, OwlReply> Handler, bool AdminOnly, int RouteId)? Route(string method, string[] segments) => (method, segments) switch
    {
        ("GET", ["refresh_token"]) => (_auth.Refresh, false, 0),
        ("GET", ["users"]) => (_users.List, false, 0),
        ("PUT", ["users"]) => (_users.Create, true, 0),
        ("POST", ["users"]) => (_users.Update, false, 0),
        ("DELETE", ["users", var id]) => (_users.Delete, true, ParseId(id)),
        ("GET", ["usergroups"]) => (_userGroups.List, false, 0),
        ("PUT", ["usergroups"]) => (_userGroups.Create, false, 0),
        ("POST", ["usergroups"]) => (_userGroups.Update, false, 0),
        ("DELETE", ["usergroups", var id]) => (_userGroups.Delete, false, ParseId(id)),
        ("GET", ["groups"]) => (_hostGroups.List, false, 0),
        ("PUT", ["groups"]) => (_hostGroups.Create, false, 0),
        ("POST", ["groups"]) => (_hostGroups.Update, false, 0),
        ("DELETE", ["groups", var id]) => (_hostGroups.Delete, false, ParseId(id)),
        ("GET", ["groups", var id, "hosts"]) => (_hostGroups.ListHosts, false, ParseId(id)),
        ("GET", ["hosts"]) => (_hosts.List, false, 0),
        _ => null,
    };

    private OwlReply? Dispatch(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var segments = path[Prefix.Length..].Split('/');
        var method = context.Request.Method;
        try
        {
            if (method == "POST" && segments is ["login"])
            {
                return _auth.Login(new OwlRequest(context, null, default, 0));
            }

            if (Route(method, segments) is not { } route)
            {
                return null;
            }

            var refusal = Authenticate(context, route.AdminOnly, out var user, out var claims);
            return refusal ?? route.Handler(new OwlRequest(context, user, claims, route.RouteId));
        }
        catch (OwlBadRequestException malformed)
        {
            return OwlReply.Status(StatusCodes.Status400BadRequest, malformed.Message);
        }
    }

    private OwlReply? Authenticate(HttpContext context, bool adminOnly, out OwlUserRow? user, out OwlClaims claims)
    {
        user = null;
        claims = default;
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return OwlReply.Status(StatusCodes.Status401Unauthorized, "auth header empty", challenge: true);
        }

        var parts = header.Split(' ', 2);
        if (parts.Length != 2 || parts[0] != "Bearer")
        {
            return OwlReply.Status(StatusCodes.Status401Unauthorized, "invalid auth header", challenge: true);
        }

        if (!state.Jwt.TryValidate(parts[1], out claims, out var error))
        {
            return OwlReply.Status(StatusCodes.Status401Unauthorized, error, challenge: true);
        }

        if (adminOnly && state.FindUser(claims.Username) is { Role: 0 })
        {
            return OwlReply.Status(StatusCodes.Status403Forbidden, "You don't have permission to access.", challenge: true);
        }

        // The user middleware reloads the token's user on every request.
        user = state.FindUser(claims.Username);
        if (user is null)
        {
            return OwlReply.Status(StatusCodes.Status404NotFound, "user not found");
        }

        return user.Status != 1 ? OwlReply.Status(StatusCodes.Status401Unauthorized, "user is disable") : null;
    }
}
