using UserGroupClient.Authentication;

namespace UserGroupClient.Owl;

/// <summary>A user name and password, exchanged for a cached, renewed JWT.</summary>
internal sealed class OwlPasswordCredentials : OwlCredentials
{
    private readonly string _userName;
    private readonly string _password;

    public OwlPasswordCredentials(string userName, string password)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentException.ThrowIfNullOrEmpty(password);
        _userName = userName;
        _password = password;
    }

    internal override IEnumerable<string> Secrets => [_password];

    internal override Func<DelegatingHandler> CreateHandlerFactory(OwlAuthenticationContext context)
    {
        var tokens = new OwlLoginTokenProvider(context.LoginConnection, _userName, _password, context.TimeProvider);
        return () => new BearerTokenHandler(tokens);
    }

    /// <inheritdoc />
    public override string ToString() => $"OwlCredentials.Password({_userName}, ***)";
}
