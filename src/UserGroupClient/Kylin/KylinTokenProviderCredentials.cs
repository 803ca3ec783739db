using UserGroupClient.Authentication;
using UserGroupClient.Http;

namespace UserGroupClient.Kylin;

/// <summary>Bearer tokens from the caller's provider, for a gateway in front of Kylin; renewed through it once on 401.</summary>
internal sealed class KylinTokenProviderCredentials(ITokenProvider tokens) : KylinCredentials
{
    internal override IEnumerable<string> Secrets => [];

    internal override Func<DelegatingHandler> CreateHandlerFactory(KnownSecrets secrets)
    {
        var recorded = new RecordingTokenProvider(tokens, secrets);
        return () => new BearerTokenHandler(recorded);
    }

    /// <inheritdoc />
    public override string ToString() => "KylinCredentials.Bearer(token provider)";
}
