using Microsoft.AspNetCore.Http;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.Kylin;

/// <summary>
/// The request path through KAP 3.x: the security filter (Basic on every <c>/kylin/api/**</c> call, <c>admin/version</c>
/// included), then Spring MVC's mapping of the <c>user_group</c> controller (404 for unknown paths, 405 for a wrong
/// method, 406 without the v2 <c>Accept</c> type), then the handler. Each request runs under the state's lock.
/// </summary>
internal sealed class KylinKapPipeline(KylinState state)
{
    private const string ApiRoot = "/kylin/api/";
    private const string GroupsRoot = ApiRoot + "user_group/";

    private readonly KylinKapGroupHandlers _handlers = new(state);

    public async Task HandleAsync(HttpContext context)
    {
        var path = RequestTarget.From(context).Path;
        if (!path.StartsWith(ApiRoot, StringComparison.Ordinal))
        {
            JsonResponse.WriteEmpty(context.Response, StatusCodes.Status404NotFound);
            return;
        }

        KylinStoredUser? user;
        int status;
        string? message;
        lock (state.Sync)
        {
            (user, status, message) = KylinKapAuthenticator.Authenticate(state, context.Request.Headers.Authorization);
        }

        if (user is null)
        {
            var exception = status == 400 ? "org.springframework.security.authentication.LockedException" : "org.springframework.security.authentication.BadCredentialsException";
            await KylinResponses.ErrorAsync(context, status, message!, exception, "application/json;charset=UTF-8").ConfigureAwait(false);
            return;
        }

        var route = Route(context.Request.Method, path);
        if (route is null)
        {
            JsonResponse.WriteEmpty(context.Response, StatusCodes.Status404NotFound);
            return;
        }

        if (route.Value.Handler is null)
        {
            JsonResponse.WriteEmpty(context.Response, StatusCodes.Status405MethodNotAllowed);
            return;
        }

        if (!AcceptsV2(context.Request))
        {
            JsonResponse.WriteEmpty(context.Response, StatusCodes.Status406NotAcceptable);
            return;
        }

        if (route.Value.NeedsName && route.Value.Name is not { Length: > 0 })
        {
            // null: Tomcat refused an encoded slash; empty: the dot cut left nothing to match.
            JsonResponse.WriteEmpty(context.Response, route.Value.Name is null ? StatusCodes.Status400BadRequest : StatusCodes.Status404NotFound);
            return;
        }

        await route.Value.Handler(context, user, route.Value.Name ?? string.Empty).ConfigureAwait(false);
    }

    private static bool AcceptsV2(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains(KylinResponses.V2Type, StringComparison.OrdinalIgnoreCase);

    private (Func<HttpContext, KylinStoredUser, string, Task>? Handler, string? Name, bool NeedsName)? Route(string method, string path)
    {
        if (!path.StartsWith(GroupsRoot, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = path[GroupsRoot.Length..];
        var trailingSlash = rest.EndsWith('/');
        var segments = rest.TrimEnd('/').Split('/');
        var get = HttpMethods.IsGet(method);
        switch (segments)
        {
            case ["groups"] when get:
                return (_handlers.ListGroupsAsync, null, false);
            case ["usersWithGroup"] when get:
                return (_handlers.ListUsersWithGroupAsync, null, false);
            case ["groupMembers", var name]:
                return (get ? _handlers.ListGroupMembersAsync : null, KylinPathName.Read(name, trailingSlash), true);
            case ["users", var name]:
                return (HttpMethods.IsPost(method) || HttpMethods.IsPut(method) ? _handlers.SetGroupUsersAsync : null, KylinPathName.Read(name, trailingSlash), true);
            case [var name] when name.Length > 0:
                var handler = HttpMethods.IsPost(method) ? _handlers.CreateGroupAsync
                    : HttpMethods.IsDelete(method) ? _handlers.DeleteGroupAsync
                    : (Func<HttpContext, KylinStoredUser, string, Task>?)null;
                return (handler, KylinPathName.Read(name, trailingSlash), true);
            default:
                return null;
        }
    }
}
