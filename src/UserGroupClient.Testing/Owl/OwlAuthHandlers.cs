using System.Text.Json.Nodes;

namespace UserGroupClient.Testing.Owl;

/// <summary><c>POST /api/v1/login</c> and <c>GET /api/v1/refresh_token</c> (gin-jwt v2, docs/wire/owl.md §3).</summary>
internal sealed class OwlAuthHandlers(OwlState state)
{
    public OwlReply Login(OwlRequest request)
    {
        string username;
        string password;
        try
        {
            var body = request.BodyObject();
            username = OwlRequest.String(body, "username");
            password = OwlRequest.String(body, "password");
        }
        catch (OwlBadRequestException)
        {
            return OwlReply.Status(400, "Missing Username or Password", challenge: true);
        }

        if (username.Length == 0 || password.Length == 0)
        {
            return OwlReply.Status(400, "Missing Username or Password", challenge: true);
        }

        var user = state.FindUser(username);
        if (user is null)
        {
            return OwlReply.Status(404, "user not found", challenge: true);
        }

        if (user.Status != 1)
        {
            return OwlReply.Status(401, "user is disable", challenge: true);
        }

        if (OwlState.Md5(password) != user.PasswordMd5)
        {
            return OwlReply.Status(401, "Incorrect Username / Password", challenge: true);
        }

        return TokenReply(user, state.Now);
    }

    public OwlReply Refresh(OwlRequest request)
    {
        var originalIssuedAt = DateTimeOffset.FromUnixTimeSeconds(request.Claims.OriginalIssuedAt);
        if (originalIssuedAt + state.Options.MaxRefresh < state.Now)
        {
            return OwlReply.Status(401, "Token is expired.", challenge: true);
        }

        return TokenReply(request.User, originalIssuedAt);
    }

    /// <summary>Issues a token for the seeding API, as a login would.</summary>
    public static string Issue(OwlState state, OwlUserRow user, TimeSpan lifetime) =>
        state.Jwt.Issue(user, lifetime, state.Now).Token;

    // Login and refresh answer without "code": the bundled front-end detects success by its absence.
    private OwlReply TokenReply(OwlUserRow user, DateTimeOffset originalIssuedAt)
    {
        var (token, expire) = state.Jwt.Issue(user, state.Options.TokenLifetime, originalIssuedAt);
        return new OwlReply(200, new JsonObject { ["expire"] = OwlJwt.Rfc3339(expire), ["token"] = token });
    }
}
