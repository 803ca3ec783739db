using Microsoft.AspNetCore.Http;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.JumpServer;

/// <summary>
/// The request path through the server: Django's URL resolution (301 to the slashed path, 404 pages), then the
/// organization middleware, then DRF's authentication, permission check, method dispatch and exception handling.
/// </summary>
internal sealed class JumpServerPipeline(JumpServerState state, RouteTable routes)
{
    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await DispatchAsync(context).ConfigureAwait(false);
        }
        catch (Exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            context.Response.Clear();
            await ErrorPages.WriteServerErrorAsync(context).ConfigureAwait(false);
        }
    }

    private static async Task WriteAsync(HttpContext context, Route route, ApiResult result)
    {
        if (result.IsServerError)
        {
            await ErrorPages.WriteServerErrorAsync(context).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        response.Headers.Allow = route.Allow;
        response.Headers.Vary = "Accept";
        foreach (var (name, value) in result.Headers)
        {
            response.Headers[name] = value;
        }

        if (result.HasBody)
        {
            await JsonResponse.WriteJsonAsync(response, result.StatusCode, result.Body).ConfigureAwait(false);
        }
        else
        {
            JsonResponse.WriteEmpty(response, result.StatusCode);
        }
    }

    private static ApiResult? Authorize(Access access, JumpServerRequest request)
    {
        if (access == Access.Anyone)
        {
            return null;
        }

        var user = request.User;
        if (user is null)
        {
            return ApiErrors.NotAuthenticated();
        }

        var allowed = access switch
        {
            Access.AnyUser => true,
            Access.OrgMember => user.IsAdmin || (!request.Organization.IsRoot && user.OrganizationIds.Contains(request.Organization.Id)),
            _ => user.IsAdmin,
        };
        return allowed ? null : ApiErrors.PermissionDenied();
    }

    private async Task DispatchAsync(HttpContext context)
    {
        var target = RequestTarget.From(context);
        var rawQuery = target.Query;
        var pathInfo = DjangoUrl.DecodePath(target.Path);

        var match = routes.Match(pathInfo);
        if (match is not { } found)
        {
            // CommonMiddleware (APPEND_SLASH) redirects every method when only the slashed path resolves.
            if (!pathInfo.EndsWith('/') && routes.Match(pathInfo + "/") is not null)
            {
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.Headers.Location = DjangoUrl.FullPath(pathInfo, rawQuery, appendSlash: true);
                return;
            }

            await ErrorPages.WriteNotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        var request = new JumpServerRequest(context, state, pathInfo, new QueryParameters(rawQuery), found.Id);
        var result = await ExecuteAsync(request, found.Route).ConfigureAwait(false);
        await WriteAsync(context, found.Route, result).ConfigureAwait(false);
    }

    private async ValueTask<ApiResult> ExecuteAsync(JumpServerRequest request, Route route)
    {
        AuthOutcome outcome;
        lock (state.Sync)
        {
            request.Organization = OrganizationResolver.Resolve(request);
            outcome = Authenticator.Authenticate(request);
        }

        switch (outcome.Kind)
        {
            case AuthOutcomeKind.Failed:
                return outcome.Failure!;
            case AuthOutcomeKind.ServerError:
                return ApiResult.ServerError;
        }

        request.User = outcome.User;
        var endpoint = route.Find(request.Method);
        var denied = Authorize(endpoint?.Access ?? route.AccessForUnknownMethod, request);
        if (denied is not null)
        {
            return denied;
        }

        return endpoint is null
            ? ApiErrors.MethodNotAllowed(request.Method)
            : await endpoint.Handler(request).ConfigureAwait(false);
    }
}
