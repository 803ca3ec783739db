using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.Kylin;

/// <summary>
/// Apache Kylin 3.x/4.x (docs/wire/kylin.md §11): Tomcat first (encoded slashes refused), then Spring Security (Basic,
/// no lock, a Tomcat 401 page without a challenge; <c>admin/version</c> open to anonymous callers), then Spring MVC's
/// mapping of <c>KylinUserGroupController</c> (the web UI's page for 404, Tomcat's pages for 405 and 406, 406 also for a
/// last segment with a known file extension), then the handler. Each request runs under the state's lock.
/// </summary>
internal sealed class KylinApachePipeline(KylinState state)
{
    private const string ApiRoot = "/kylin/api/";
    private const string GroupsRoot = ApiRoot + "user_group/";
    private const string VersionPath = ApiRoot + "admin/version";
    private const string Json = "application/json";

    // Spring 4.3/5.2 path-extension negotiation: a last segment with one of these extensions asks for a type the
    // JSON-only handlers cannot produce (the JAF and Spring mime tables' common entries; .json is JSON and passes).
    private static readonly HashSet<string> KnownExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "xml", "html", "htm", "txt", "text", "csv", "gif", "jpg", "jpeg", "jpe", "png", "tif", "tiff", "svg", "ico",
        "pdf", "ps", "eps", "rtf", "tex", "zip", "gz", "tar", "js", "css", "doc", "xls", "ppt", "mid", "midi", "wav",
        "mp3", "mp4", "mpg", "mpeg", "mov", "avi", "au",
    };

    private readonly KylinApacheGroupHandlers _handlers = new(state);

    public async Task HandleAsync(HttpContext context)
    {
        var path = RequestTarget.From(context).Path;
        if (!path.StartsWith(ApiRoot, StringComparison.Ordinal))
        {
            JsonResponse.WriteEmpty(context.Response, StatusCodes.Status404NotFound);
            return;
        }

        if (KylinPathName.IsRefusedByTomcat(path))
        {
            await KylinTomcatPages.BadRequestAsync(context, state.Flavor).ConfigureAwait(false);
            return;
        }

        var isVersion = path.TrimEnd('/') == VersionPath;
        var authorization = context.Request.Headers.Authorization.ToString();
        KylinStoredUser? user = null;

        // The Basic filter checks credentials wherever they are sent; only admin/version lets anonymous callers through.
        if (!isVersion || KylinBasicCredentials.IsPresent(authorization))
        {
            lock (state.Sync)
            {
                user = Authenticate(authorization);
            }

            if (user is null)
            {
                await KylinTomcatPages.UnauthorizedAsync(context, state.Flavor).ConfigureAwait(false);
                return;
            }
        }

        var accept = KylinAccept.From(context.Request);
        if (isVersion)
        {
            await VersionAsync(context, accept).ConfigureAwait(false);
            return;
        }

        await GroupsAsync(context, path, accept, user!).ConfigureAwait(false);
    }

    private async Task VersionAsync(HttpContext context, KylinAccept accept)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            await KylinTomcatPages.MethodNotAllowedAsync(context, state.Flavor).ConfigureAwait(false);
            return;
        }

        if (!accept.Accepts(Json))
        {
            await KylinTomcatPages.NotAcceptableAsync(context, state.Flavor).ConfigureAwait(false);
            return;
        }

        var body = new JsonObject
        {
            ["kylin.version"] = state.Version,
            ["kylin.version.commitId"] = state.Flavor == KylinEmulatorFlavor.Apache3 ? "6b6aa61ef3bd9a5ca4b0ae4ac3c3f5a8f9b2a1c3" : "e5b61bd3a8fbe4b6d0a7e5e4d3c2b1a0f9e8d7c6",
        };
        await JsonResponse.WriteJsonAsync(context.Response, StatusCodes.Status200OK, body, KylinResponses.JsonType).ConfigureAwait(false);
    }

    private async Task GroupsAsync(HttpContext context, string path, KylinAccept accept, KylinStoredUser user)
    {
        if (!path.StartsWith(GroupsRoot, StringComparison.Ordinal) || path.Length == GroupsRoot.Length)
        {
            await KylinTomcatPages.WebUiNotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        var segments = path[GroupsRoot.Length..].TrimEnd('/').Split('/');
        var method = context.Request.Method;
        Func<HttpContext, KylinStoredUser, string, Task>? handler;
        switch (segments)
        {
            case ["groups"] when HttpMethods.IsGet(method):
                handler = _handlers.ListGroupsAsync;
                break;
            case ["users", { Length: > 0 }]:
                handler = HttpMethods.IsGet(method) ? _handlers.ListUsersAsync
                    : HttpMethods.IsPost(method) || HttpMethods.IsPut(method) ? _handlers.SetGroupUsersAsync
                    : null;
                break;
            case [{ Length: > 0 }]:
                // Only POST and DELETE map a single segment ({groupName:.+}), so POST groups creates a group "groups".
                handler = HttpMethods.IsPost(method) ? _handlers.CreateGroupAsync
                    : HttpMethods.IsDelete(method) ? _handlers.DeleteGroupAsync
                    : null;
                break;
            default:
                await KylinTomcatPages.WebUiNotFoundAsync(context).ConfigureAwait(false);
                return;
        }

        if (handler is null)
        {
            await KylinTomcatPages.MethodNotAllowedAsync(context, state.Flavor).ConfigureAwait(false);
            return;
        }

        if (!accept.Accepts(Json) || HasKnownExtension(segments[^1]))
        {
            await KylinTomcatPages.NotAcceptableAsync(context, state.Flavor).ConfigureAwait(false);
            return;
        }

        var name = segments is ["groups"] ? string.Empty : KylinPathName.Decode(segments[^1])!;
        await handler(context, user, name).ConfigureAwait(false);
    }

    private static bool HasKnownExtension(string rawSegment)
    {
        var dot = rawSegment.LastIndexOf('.');
        return dot >= 0 && KnownExtensions.Contains(rawSegment[(dot + 1)..]);
    }

    // No lock on Apache Kylin: a wrong password is a 401 like any other, however often it is sent.
    private KylinStoredUser? Authenticate(string authorization) =>
        KylinBasicCredentials.TryDecode(authorization, out var username, out var password)
        && state.Users.TryGetValue(username, out var user)
        && !user.Disabled
        && string.Equals(user.Password, password, StringComparison.Ordinal)
            ? user
            : null;
}
