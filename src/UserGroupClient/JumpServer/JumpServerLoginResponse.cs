namespace UserGroupClient.JumpServer;

/// <summary>A login answer: a token on success (201), or <c>error</c>/<c>msg</c> (200 for MFA, 400 for refusals).</summary>
internal sealed class JumpServerLoginResponse
{
    public string? Token { get; init; }

    public string? Keyword { get; init; }

    public DateTimeOffset? DateExpired { get; init; }

    public string? Error { get; init; }

    public string? Msg { get; init; }
}
