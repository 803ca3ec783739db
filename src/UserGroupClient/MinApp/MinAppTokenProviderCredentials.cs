using UserGroupClient.Authentication;

namespace UserGroupClient.MinApp;

/// <summary>Access tokens from the caller's provider, renewed through it once when the server answers 401.</summary>
internal sealed class MinAppTokenProviderCredentials(ITokenProvider tokens) : MinAppCredentials
{
    internal override IEnumerable<string> Secrets => [];

    internal override Func<DelegatingHandler> CreateHandlerFactory(MinAppAuthenticationContext context)
    {
        var recorded = new RecordingTokenProvider(tokens, context.TokenConnection.Secrets);
        return () => new BearerTokenHandler(recorded);
    }

    /// <inheritdoc />
    public override string ToString() => "MinAppCredentials.AccessToken(token provider)";
}
