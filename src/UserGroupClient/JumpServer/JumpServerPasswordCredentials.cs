using UserGroupClient.Authentication;

namespace UserGroupClient.JumpServer;

/// <summary>A user name and password, exchanged for a cached Bearer token.</summary>
internal sealed class JumpServerPasswordCredentials : JumpServerCredentials
{
    private readonly string _userName;
    private readonly string _password;

    public JumpServerPasswordCredentials(string userName, string password)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentException.ThrowIfNullOrEmpty(password);
        _userName = userName;
        _password = password;
    }

    internal override IEnumerable<string> Secrets => [_password];

    internal override Func<DelegatingHandler> CreateHandlerFactory(JumpServerAuthenticationContext context)
    {
        var tokens = new JumpServerLoginTokenProvider(context.LoginConnection, _userName, _password, context.TimeProvider);
        return () => new BearerTokenHandler(tokens);
    }

    /// <inheritdoc />
    public override string ToString() => $"JumpServerCredentials.Password({_userName}, ***)";
}
