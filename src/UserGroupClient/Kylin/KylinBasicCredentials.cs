using UserGroupClient.Authentication;
using UserGroupClient.Http;

namespace UserGroupClient.Kylin;

/// <summary>HTTP Basic credentials.</summary>
internal sealed class KylinBasicCredentials : KylinCredentials
{
    private readonly string _userName;
    private readonly string _password;

    public KylinBasicCredentials(string userName, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentNullException.ThrowIfNull(password);
        if (userName.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("A Basic user name cannot contain ':'.", nameof(userName));
        }

        _userName = userName;
        _password = password;
    }

    // The Basic value is sent on every request and echoed by servers that log headers; it is registered whole.
    internal override IEnumerable<string> Secrets => [_password, BasicAuthenticationHandler.Encode(_userName, _password)];

    internal override Func<DelegatingHandler> CreateHandlerFactory(KnownSecrets secrets) => () => new BasicAuthenticationHandler(_userName, _password);

    /// <inheritdoc />
    public override string ToString() => $"KylinCredentials.Basic({_userName}, ***)";
}
