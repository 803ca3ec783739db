using UserGroupClient.Authentication;

namespace UserGroupClient.Owl;

/// <summary>A fixed JWT sent as <c>Authorization: Bearer …</c>.</summary>
internal sealed class OwlTokenCredentials : OwlCredentials
{
    private readonly string _token;

    public OwlTokenCredentials(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        if (token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException("A token cannot contain whitespace or control characters.", nameof(token));
        }

        _token = token;
    }

    internal override IEnumerable<string> Secrets => [_token];

    internal override Func<DelegatingHandler> CreateHandlerFactory(OwlAuthenticationContext context)
    {
        var tokens = new StaticTokenProvider(_token);
        return () => new BearerTokenHandler(tokens);
    }

    /// <inheritdoc />
    public override string ToString() => "OwlCredentials.Token(***)";
}
