using UserGroupClient.Authentication;

namespace UserGroupClient.Owl;

/// <summary>JWTs from the caller's provider, renewed through it once when the server rejects one.</summary>
internal sealed class OwlTokenProviderCredentials(ITokenProvider tokens) : OwlCredentials
{
    internal override IEnumerable<string> Secrets => [];

    internal override Func<DelegatingHandler> CreateHandlerFactory(OwlAuthenticationContext context)
    {
        var recorded = new RecordingTokenProvider(tokens, context.LoginConnection.Secrets);
        return () => new BearerTokenHandler(recorded);
    }

    /// <inheritdoc />
    public override string ToString() => "OwlCredentials.Token(token provider)";
}
