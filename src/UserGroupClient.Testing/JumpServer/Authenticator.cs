namespace UserGroupClient.Testing.JumpServer;

/// <summary>
/// DRF authentication as v3.10 to v4.10.13 configure it: Bearer access token, then private <c>Token</c>, then the
/// access-key signature. Each looks only at its own <c>Authorization</c> scheme.
/// </summary>
internal static class Authenticator
{
    private static readonly char[] PythonWhitespace = [' ', '\t', '\n', '\r', '\v', '\f'];

    /// <remarks>The caller holds <see cref="JumpServerState.Sync"/>.</remarks>
    public static AuthOutcome Authenticate(JumpServerRequest request)
    {
        var authorization = request.Header("Authorization");
        if (string.IsNullOrEmpty(authorization))
        {
            return AuthOutcome.Anonymous;
        }

        // DRF's get_authorization_header(request).split(): runs of ASCII whitespace separate the words.
        var words = authorization.Split(PythonWhitespace, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return AuthOutcome.Anonymous;
        }

        if (words[0].Equals("bearer", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateBearer(request.State, words);
        }

        if (words[0].Equals("token", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticatePrivateToken(request.State, words);
        }

        return SignatureVerifier.Verify(request, authorization);
    }

    // An unknown or expired token leaves the request anonymous, so the view answers 401 not_authenticated.
    private static AuthOutcome AuthenticateBearer(JumpServerState state, string[] words) => words.Length switch
    {
        1 => AuthOutcome.Fail("Invalid token header. No credentials provided."),
        > 2 => AuthOutcome.Fail("Invalid token header. Sign string should not contain spaces."),
        _ => state.FindBearerTokenUser(words[1]) is { IsActive: true } user ? AuthOutcome.Success(user) : AuthOutcome.Anonymous,
    };

    private static AuthOutcome AuthenticatePrivateToken(JumpServerState state, string[] words)
    {
        if (words.Length == 1)
        {
            return AuthOutcome.Fail("Invalid token header. No credentials provided.");
        }

        if (words.Length > 2)
        {
            return AuthOutcome.Fail("Invalid token header. Token string should not contain spaces.");
        }

        return state.FindPrivateTokenUser(words[1]) switch
        {
            null => AuthOutcome.Fail("Invalid token."),
            { IsActive: false } => AuthOutcome.Fail("User inactive or deleted."),
            var user => AuthOutcome.Success(user),
        };
    }
}
