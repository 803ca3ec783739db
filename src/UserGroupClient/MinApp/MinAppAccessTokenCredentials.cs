using UserGroupClient.Authentication;

namespace UserGroupClient.MinApp;

/// <summary>A fixed access token sent as <c>Authorization: Bearer …</c>.</summary>
internal sealed class MinAppAccessTokenCredentials : MinAppCredentials
{
    private readonly string _token;

    public MinAppAccessTokenCredentials(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        if (token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException("A token cannot contain whitespace or control characters.", nameof(token));
        }

        _token = token;
    }

    internal override IEnumerable<string> Secrets => [_token];

    internal override Func<DelegatingHandler> CreateHandlerFactory(MinAppAuthenticationContext context)
    {
        var tokens = new StaticTokenProvider(_token);
        return () => new BearerTokenHandler(tokens);
    }

    /// <inheritdoc />
    public override string ToString() => "MinAppCredentials.AccessToken(***)";
}
