using UserGroupClient.Authentication;

namespace UserGroupClient.JumpServer;

/// <summary>A fixed token sent after a scheme word (<c>Bearer</c> or <c>Token</c>).</summary>
internal sealed class JumpServerTokenCredentials : JumpServerCredentials
{
    private readonly string _scheme;
    private readonly string _token;

    public JumpServerTokenCredentials(string scheme, string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        if (token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException("A token cannot contain whitespace or control characters.", nameof(token));
        }

        _scheme = scheme;
        _token = token;
    }

    internal override IEnumerable<string> Secrets => [_token];

    internal override Func<DelegatingHandler> CreateHandlerFactory(JumpServerAuthenticationContext context)
    {
        var tokens = new StaticTokenProvider(_token);
        return () => new BearerTokenHandler(tokens, _scheme);
    }

    /// <inheritdoc />
    public override string ToString() => $"JumpServerCredentials.{(_scheme == "Token" ? "PrivateToken" : "Bearer")}(***)";
}
