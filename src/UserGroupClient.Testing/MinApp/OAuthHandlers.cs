using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.MinApp;

/// <summary>
/// The OAuth endpoints (docs/wire/minapp.md §1): authorize answers 302 → 302 → 200 with its state in a session
/// cookie; the token endpoint takes JSON, multipart and form bodies, issues single-use codes' tokens, and a refresh
/// ends the old pair at once.
/// </summary>
internal static class OAuthHandlers
{
    public const string AuthorizePath = "/api/oauth2/hydrogen/openapi/authorize/";
    public const string ConfirmPath = "/api/oauth2/hydrogen/openapi/authorize/confirm/";
    public const string CodePath = "/api/oauth2/hydrogen/openapi/authorize/code/";
    public const string TokenPath = "/api/oauth2/access_token/";
    public const string SessionCookie = "minapp_oauth_session";

    public static Task AuthorizeAsync(MinAppState state, HttpContext context)
    {
        var body = MinAppWire.ReadBody(context) as JsonObject;
        var clientId = Text(body?["client_id"]);
        var clientSecret = Text(body?["client_secret"]);
        if (clientId is null || clientSecret is null)
        {
            return MinAppWire.OAuthErrorAsync(context, 400, "invalid_request", "client_id and client_secret are required in a JSON body");
        }

        if (clientId != state.ClientId || clientSecret != state.ClientSecret)
        {
            return MinAppWire.OAuthErrorAsync(context, 401, "invalid_client", "unknown client or wrong secret");
        }

        lock (state.Sync)
        {
            if (!state.AuthorizeRedirects)
            {
                return WriteCodeAsync(state, context);
            }

            var session = MinAppState.NewSecret();
            state.Sessions[session] = 1;
            context.Response.Headers.Append("Set-Cookie", $"{SessionCookie}={session}; Path=/api/oauth2/; HttpOnly");
        }

        return RedirectAsync(context, ConfirmPath);
    }

    public static Task ConfirmAsync(MinAppState state, HttpContext context)
    {
        lock (state.Sync)
        {
            if (!TryFindSession(state, context, 1, out var session))
            {
                return MissingSessionAsync(context);
            }

            state.Sessions[session] = 2;
        }

        return RedirectAsync(context, CodePath);
    }

    public static Task CodeAsync(MinAppState state, HttpContext context)
    {
        lock (state.Sync)
        {
            if (!TryFindSession(state, context, 2, out var session))
            {
                return MissingSessionAsync(context);
            }

            state.Sessions.Remove(session);
            return WriteCodeAsync(state, context);
        }
    }

    public static async Task TokenAsync(MinAppState state, HttpContext context)
    {
        var fields = await ReadFieldsAsync(context).ConfigureAwait(false);
        if (fields is null)
        {
            await MinAppWire.OAuthErrorAsync(context, 400, "invalid_request", "the body must be JSON, multipart/form-data or application/x-www-form-urlencoded").ConfigureAwait(false);
            return;
        }

        if (fields.GetValueOrDefault("client_id") != state.ClientId || fields.GetValueOrDefault("client_secret") != state.ClientSecret)
        {
            await MinAppWire.OAuthErrorAsync(context, 401, "invalid_client", "unknown client or wrong secret").ConfigureAwait(false);
            return;
        }

        var grant = fields.GetValueOrDefault("grant_type");
        if (grant is not ("authorization_code" or "refresh_token"))
        {
            await MinAppWire.OAuthErrorAsync(context, 400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token").ConfigureAwait(false);
            return;
        }

        TokenPair? pair = null;
        lock (state.Sync)
        {
            if (grant == "authorization_code")
            {
                // A code is single-use: it is spent even when it turns out to be expired.
                if (state.Codes.Remove(fields.GetValueOrDefault("code") ?? "", out var expires) && state.Now < expires)
                {
                    pair = state.IssueTokens();
                }
            }
            else if (state.RefreshTokens.TryGetValue(fields.GetValueOrDefault("refresh_token") ?? "", out var old))
            {
                state.Revoke(old);
                pair = state.IssueTokens();
            }
        }

        if (pair is null)
        {
            var problem = grant == "authorization_code" ? "the code is unknown, used or expired" : "the refresh token is unknown or no longer valid";
            await MinAppWire.OAuthErrorAsync(context, 400, "invalid_grant", problem).ConfigureAwait(false);
            return;
        }

        await JsonResponse.WriteJsonAsync(context.Response, 200, new JsonObject
        {
            ["access_token"] = pair.AccessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = (long)state.TokenLifetime.TotalSeconds,
            ["refresh_token"] = pair.RefreshToken,
            ["scope"] = "write",
        }).ConfigureAwait(false);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static Task WriteCodeAsync(MinAppState state, HttpContext context)
    {
        var code = MinAppState.NewSecret();
        state.Codes[code] = state.Now + state.CodeLifetime;
        return JsonResponse.WriteJsonAsync(context.Response, 200, new JsonObject { ["code"] = code, ["expires_in"] = (long)state.CodeLifetime.TotalSeconds });
    }

    private static Task RedirectAsync(HttpContext context, string location)
    {
        context.Response.StatusCode = 302;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    private static Task MissingSessionAsync(HttpContext context) =>
        MinAppWire.OAuthErrorAsync(context, 400, "invalid_request", "the authorize session cookie is missing or does not match this step");

    private static bool TryFindSession(MinAppState state, HttpContext context, int stage, out string session)
    {
        session = context.Request.Cookies[SessionCookie] ?? "";
        return state.Sessions.TryGetValue(session, out var reached) && reached == stage;
    }

    private static async Task<Dictionary<string, string>?> ReadFieldsAsync(HttpContext context)
    {
        var mediaType = context.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is "multipart/form-data" or "application/x-www-form-urlencoded")
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            return form.ToDictionary(field => field.Key, field => field.Value.ToString(), StringComparer.Ordinal);
        }

        if (MinAppWire.ReadBody(context) is not JsonObject json)
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in json)
        {
            if (value is JsonValue scalar)
            {
                fields[name] = scalar.GetValueKind() == JsonValueKind.String
                    ? scalar.GetValue<string>()
                    : scalar.ToJsonString();
            }
        }

        return fields;
    }
}
