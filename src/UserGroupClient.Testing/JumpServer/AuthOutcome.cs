namespace UserGroupClient.Testing.JumpServer;

internal enum AuthOutcomeKind
{
    /// <summary>No authenticator claimed the request; it runs as the anonymous user.</summary>
    Anonymous,

    Authenticated,

    /// <summary>An authenticator refused the credentials: 401 with <see cref="AuthOutcome.Failure"/>.</summary>
    Failed,

    /// <summary>The verifier raised an unhandled exception on the server: 500.</summary>
    ServerError,
}

/// <summary>What DRF's authentication step concluded about a request.</summary>
internal sealed record AuthOutcome(AuthOutcomeKind Kind, JumpServerEmulatedUser? User = null, ApiResult? Failure = null)
{
    public static AuthOutcome Anonymous { get; } = new(AuthOutcomeKind.Anonymous);

    public static AuthOutcome ServerError { get; } = new(AuthOutcomeKind.ServerError);

    public static AuthOutcome Success(JumpServerEmulatedUser user) => new(AuthOutcomeKind.Authenticated, user);

    public static AuthOutcome Fail(string detail) => new(AuthOutcomeKind.Failed, Failure: ApiErrors.AuthenticationFailed(detail));
}
