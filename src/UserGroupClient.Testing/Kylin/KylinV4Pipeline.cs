using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.Kylin;

/// <summary>
/// Kylin 5 and Kyligence Enterprise 4.x (docs/wire/kylin.md §12): Tomcat first (encoded slashes refused), then the v2
/// filter (a request whose <c>Accept</c> is exactly the v2 type gets a 500 on any route without a v2 handler, before
/// authentication), KE 4's open <c>system/license</c>, Spring Security (Basic with the escalating lock, JSON 401s), then
/// Spring MVC's choice among the <c>user_group</c> controllers. Each request runs under the state's lock.
/// </summary>
internal sealed class KylinV4Pipeline
{
    private const string ApiRoot = "/kylin/api/";
    private const string GroupsRoot = ApiRoot + "user_group";
    private const string LicensePath = ApiRoot + "system/license";

    private readonly KylinState _state;
    private readonly KylinV4Routes _routes;

    public KylinV4Pipeline(KylinState state)
    {
        _state = state;
        var groups = new KylinV4GroupService(state);
        _routes = new KylinV4Routes(new KylinV4OpenHandlers(state, groups), new KylinV4UiHandlers(state, groups));
    }

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
            await KylinTomcatPages.BadRequestAsync(context, _state.Flavor).ConfigureAwait(false);
            return;
        }

        var accept = KylinAccept.From(context.Request);
        var trimmed = path.TrimEnd('/');
        var isUsersWithGroup = HttpMethods.IsGet(context.Request.Method) && trimmed == GroupsRoot + "/usersWithGroup";
        if (accept.IsExactly(KylinResponses.V2Type) && !isUsersWithGroup)
        {
            await KylinSpringBootErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, _state.TimeProvider).ConfigureAwait(false);
            return;
        }

        if (_state.Flavor == KylinEmulatorFlavor.KyligenceEnterprise4 && trimmed == LicensePath)
        {
            await LicenseAsync(context, accept).ConfigureAwait(false);
            return;
        }

        KylinStoredUser? user;
        KylinV4Error? refusal;
        lock (_state.Sync)
        {
            (user, refusal) = KylinV4Authenticator.Authenticate(_state, context.Request.Headers.Authorization);
        }

        if (user is null)
        {
            await refusal!.WriteAsync(context, _state.Flavor, KylinResponses.JsonType, indented: true).ConfigureAwait(false);
            return;
        }

        if (trimmed != GroupsRoot && !trimmed.StartsWith(GroupsRoot + "/", StringComparison.Ordinal))
        {
            await KylinSpringBootErrors.WriteAsync(context, StatusCodes.Status404NotFound, _state.TimeProvider).ConfigureAwait(false);
            return;
        }

        var rest = trimmed[GroupsRoot.Length..].TrimStart('/');
        var segments = rest.Length == 0 ? [] : rest.Split('/');
        var (handler, mediaType, status) = _routes.Select(context.Request.Method, segments, accept);
        if (handler is null)
        {
            await KylinSpringBootErrors.WriteAsync(context, status, _state.TimeProvider).ConfigureAwait(false);
            return;
        }

        var name = segments.Length > 0 ? KylinPathName.Decode(segments[^1])! : string.Empty;
        await handler(new KylinV4Call(context, user, name, mediaType)).ConfigureAwait(false);
    }

    // KE 4's LicenseController: open to anonymous callers, so a client can tell KE 4 by its ke.version.
    private async Task LicenseAsync(HttpContext context, KylinAccept accept)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            await KylinSpringBootErrors.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, _state.TimeProvider).ConfigureAwait(false);
            return;
        }

        var mediaType = new[] { KylinV4Routes.V4Public, KylinV4Routes.V4 }.Where(type => accept.Rank(type) is not null).OrderBy(accept.Rank).FirstOrDefault();
        if (mediaType is null)
        {
            await KylinSpringBootErrors.WriteAsync(context, StatusCodes.Status406NotAcceptable, _state.TimeProvider).ConfigureAwait(false);
            return;
        }

        var data = new JsonObject
        {
            ["ke.version"] = _state.Version,
            ["ke.commit"] = "36927e5368",
            ["ke.metastore"] = "kylin_metadata",
            ["ke.dates"] = "2022-01-01,2099-12-31",
            ["ke.license.level"] = "professional",
        };
        await KylinResponses.OkAsync(context, data, string.Empty, mediaType).ConfigureAwait(false);
    }
}
