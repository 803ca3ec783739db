namespace UserGroupClient.MinApp;

/// <summary>The authorize step's body: <c>{"client_id", "client_secret"}</c>.</summary>
internal sealed record MinAppAuthorizeRequest(string ClientId, string ClientSecret);

/// <summary>The authorize step's answer: <c>{"code", "expires_in"}</c>.</summary>
internal sealed record MinAppAuthorizeResponse(string? Code, long? ExpiresIn);

/// <summary>The token endpoint's answer.</summary>
internal sealed record MinAppTokenResponse(string? AccessToken, string? TokenType, long? ExpiresIn, string? RefreshToken, string? Scope);
