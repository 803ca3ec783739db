using System.Globalization;
using Microsoft.AspNetCore.Http;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.MinApp;

/// <summary>Routes a request: the OAuth endpoints without authentication, every <c>/oserve/</c> path behind a valid, unexpired Bearer token.</summary>
internal sealed class MinAppPipeline(MinAppState state)
{
    public Task HandleAsync(HttpContext context)
    {
        var path = RequestTarget.From(context).Path;
        var method = context.Request.Method;
        switch (path)
        {
            case OAuthHandlers.AuthorizePath:
                return method == "POST" ? OAuthHandlers.AuthorizeAsync(state, context) : NotAllowedAsync(context);
            case OAuthHandlers.ConfirmPath:
                return method == "GET" ? OAuthHandlers.ConfirmAsync(state, context) : NotAllowedAsync(context);
            case OAuthHandlers.CodePath:
                return method == "GET" ? OAuthHandlers.CodeAsync(state, context) : NotAllowedAsync(context);
            case OAuthHandlers.TokenPath:
                return method == "POST" ? OAuthHandlers.TokenAsync(state, context) : NotAllowedAsync(context);
        }

        if (!path.StartsWith("/oserve/", StringComparison.Ordinal))
        {
            return MinAppWire.ErrorAsync(context, 404, "not found");
        }

        return Authenticated(context) ? RouteApi(context, path, method) : MinAppWire.ErrorAsync(context, 401, "未授权，请检查请求头中的 Authorization 字段是否正确");
    }

    private static Task NotAllowedAsync(HttpContext context) => MinAppWire.ErrorAsync(context, 405, "method not allowed");

    private static bool TryReadId(string path, string prefix, out long id)
    {
        id = 0;
        if (!path.StartsWith(prefix, StringComparison.Ordinal) || !path.EndsWith('/'))
        {
            return false;
        }

        var segment = path[prefix.Length..^1];
        return segment.Length > 0 && long.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }

    private bool Authenticated(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        lock (state.Sync)
        {
            return state.AccessTokens.TryGetValue(header["Bearer ".Length..], out var pair) && state.Now < pair.ExpiresAt;
        }
    }

    private Task RouteApi(HttpContext context, string path, string method)
    {
        if (path == UserGroupHandlers.Path)
        {
            return method switch
            {
                "GET" => UserGroupHandlers.ListAsync(state, context),
                "POST" => UserGroupHandlers.CreateAsync(state, context),
                "DELETE" => UserGroupHandlers.BulkDeleteAsync(state, context),
                _ => NotAllowedAsync(context),
            };
        }

        if (TryReadId(path, UserGroupHandlers.Path, out var groupId))
        {
            return method switch
            {
                "GET" => UserGroupHandlers.GetAsync(state, context, groupId),
                "PUT" => UserGroupHandlers.UpdateAsync(state, context, groupId),
                "DELETE" => UserGroupHandlers.DeleteAsync(state, context, groupId),
                _ => NotAllowedAsync(context),
            };
        }

        if (path == SuperGroupHandlers.Path)
        {
            return method switch
            {
                "GET" => SuperGroupHandlers.ListAsync(state, context),
                "POST" => SuperGroupHandlers.CreateAsync(state, context),
                "DELETE" => SuperGroupHandlers.BulkDeleteAsync(state, context),
                _ => NotAllowedAsync(context),
            };
        }

        if (TryReadId(path, SuperGroupHandlers.Path, out var superGroupId))
        {
            return method switch
            {
                "GET" => SuperGroupHandlers.GetAsync(state, context, superGroupId),
                "PUT" => SuperGroupHandlers.UpdateAsync(state, context, superGroupId),
                "DELETE" => SuperGroupHandlers.DeleteAsync(state, context, superGroupId),
                _ => NotAllowedAsync(context),
            };
        }

        return path switch
        {
            MembershipHandlers.MembershipPath => method == "PATCH" ? MembershipHandlers.PatchAsync(state, context) : NotAllowedAsync(context),
            MembershipHandlers.UserProfilePath => method == "GET" ? MembershipHandlers.ListUserProfilesAsync(state, context) : NotAllowedAsync(context),
            _ => MinAppWire.ErrorAsync(context, 404, "not found"),
        };
    }
}
