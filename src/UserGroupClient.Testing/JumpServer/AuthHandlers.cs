using System.Text.Json;
using System.Text.Json.Nodes;

namespace UserGroupClient.Testing.JumpServer;

/// <summary><c>TokenCreateApi</c>: password login at <c>/api/v1/authentication/auth/</c> and its alias <c>…/tokens/</c> (docs/wire/jumpserver.md §6.1).</summary>
internal static class AuthHandlers
{
    // SECURITY_LOGIN_LIMIT_COUNT; the emulator counts down in the message but never locks the account.
    private const int LoginAttempts = 7;

    public static void Map(RouteTable routes)
    {
        var endpoints = new Dictionary<string, Endpoint> { ["POST"] = new(Access.Anyone, LoginAsync) };
        routes.Map("/api/v1/authentication/auth/", endpoints);
        routes.Map("/api/v1/authentication/tokens/", endpoints);
    }

    private static async ValueTask<ApiResult> LoginAsync(JumpServerRequest request)
    {
        var data = await request.ReadDataAsync().ConfigureAwait(false);
        if (data.Error is { } error)
        {
            return error;
        }

        // The view calls request.data.get(...), which raises on anything but a dict.
        if (data.Value is not JsonObject body)
        {
            return ApiResult.ServerError;
        }

        var username = Text(body["username"]);
        var password = Text(body["password"]);
        var state = request.State;
        lock (state.Sync)
        {
            var user = state.FindUserByUsername(username);
            if (user is null || !state.CheckPassword(user, password))
            {
                var left = Math.Max(0, LoginAttempts - state.RecordLoginFailure(username));
                return Failure(
                    "password_failed",
                    "The username or password you entered is incorrect, please enter it again. "
                    + $"You can also try {left} times (The account will be temporarily locked for 30 minutes)");
            }

            if (!user.IsActive)
            {
                return Failure("user_inactive", "This account is inactive.");
            }

            state.ResetLoginFailures(username);
            if (user.MfaRequired)
            {
                return ApiResult.Json(200, new JsonObject
                {
                    ["error"] = "mfa_required",
                    ["msg"] = "MFA required",
                    ["data"] = new JsonObject
                    {
                        ["choices"] = new JsonArray("otp"),
                        ["url"] = "/api/v1/authentication/mfa/challenge/",
                    },
                });
            }

            var entry = state.IssueBearerToken(user.Id, state.Settings.TokenLifetime, out var token);
            return ApiResult.Json(201, new JsonObject
            {
                ["token"] = token,
                ["keyword"] = "Bearer",
                ["date_expired"] = JumpServerDates.Format(entry.ExpiresAt, request.DisplayZone),
                ["user"] = UserSerializer.Serialize(request, user),
            });
        }
    }

    private static string Text(JsonNode? node) =>
        node is null || node.GetValueKind() is JsonValueKind.Null ? string.Empty : PythonValues.ScalarText(node);

    private static ApiResult Failure(string code, string message) =>
        ApiResult.Json(400, new JsonObject { ["error"] = code, ["msg"] = message });
}
