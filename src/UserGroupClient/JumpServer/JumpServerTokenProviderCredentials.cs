using UserGroupClient.Authentication;

namespace UserGroupClient.JumpServer;

/// <summary>Bearer tokens from the caller's provider, renewed through it once when the server answers 401.</summary>
internal sealed class JumpServerTokenProviderCredentials(ITokenProvider tokens) : JumpServerCredentials
{
    internal override IEnumerable<string> Secrets => [];

    internal override Func<DelegatingHandler> CreateHandlerFactory(JumpServerAuthenticationContext context)
    {
        var recorded = new RecordingTokenProvider(tokens, context.LoginConnection.Secrets);
        return () => new BearerTokenHandler(recorded);
    }

    /// <inheritdoc />
    public override string ToString() => "JumpServerCredentials.Bearer(token provider)";
}
