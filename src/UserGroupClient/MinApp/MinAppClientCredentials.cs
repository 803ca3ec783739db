using UserGroupClient.Authentication;

namespace UserGroupClient.MinApp;

/// <summary>An OAuth client id and secret, exchanged for a cached, refreshed Bearer token.</summary>
internal sealed class MinAppClientCredentials : MinAppCredentials
{
    private readonly string _clientId;
    private readonly string _clientSecret;

    public MinAppClientCredentials(string clientId, string clientSecret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientSecret);
        if (clientId.Any(char.IsControl))
        {
            throw new ArgumentException("A client id cannot contain control characters.", nameof(clientId));
        }

        _clientId = clientId;
        _clientSecret = clientSecret;
    }

    internal override IEnumerable<string> Secrets => [_clientSecret];

    internal override Func<DelegatingHandler> CreateHandlerFactory(MinAppAuthenticationContext context)
    {
        var tokens = new MinAppOAuthTokenProvider(context, _clientId, _clientSecret);
        return () => new BearerTokenHandler(tokens);
    }

    /// <inheritdoc />
    public override string ToString() => $"MinAppCredentials.ClientCredentials({_clientId}, ***)";
}
