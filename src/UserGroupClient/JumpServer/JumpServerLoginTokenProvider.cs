using UserGroupClient.Authentication;
using UserGroupClient.Http;

namespace UserGroupClient.JumpServer;

/// <summary>
/// Logs in at <c>/api/v1/authentication/auth/</c> and caches the Bearer token until shortly before <c>date_expired</c>.
/// A 200 answer without a token (MFA required, or another refusal) is an authentication failure, never a success.
/// </summary>
internal sealed class JumpServerLoginTokenProvider : CachingTokenProvider
{
    private const string LoginPath = "api/v1/authentication/auth/";

    private readonly ApiConnection _connection;
    private readonly IJumpServerEndpoints _endpoints;
    private readonly string _userName;
    private readonly string _password;

    public JumpServerLoginTokenProvider(ApiConnection connection, string userName, string password, TimeProvider timeProvider)
        : base(timeProvider)
    {
        _connection = connection;
        _endpoints = connection.Api<IJumpServerEndpoints>(JumpServerJsonContext.Default);
        _userName = userName;
        _password = password;
    }

    protected override async Task<AccessToken> AcquireTokenAsync(AccessToken? previous, CancellationToken cancellationToken)
    {
        JumpServerLoginResponse response;
        try
        {
            response = await _endpoints.LoginAsync(new JumpServerLoginRequest(_userName, _password), cancellationToken).ConfigureAwait(false);
        }
        catch (UserGroupValidationException refused)
        {
            // The login endpoint answers a wrong password or a locked account with 400 {"error": …, "msg": …}.
            throw UserGroupApiException.InPlaceOf(new UserGroupAuthenticationException($"JumpServer refused the login of '{_userName}': {refused.ServerMessage}", refused), refused);
        }

        if (string.IsNullOrEmpty(response.Token))
        {
            // The answer's texts are read from a success body, which the error path's masking never saw.
            var error = Masked(response.Error);
            var message = Masked(response.Msg);
            var reason = response.Error == "mfa_required"
                ? "the account requires MFA, which a password login cannot complete; use an Access Key or a private token"
                : message ?? error ?? "the answer carried no token";
            throw new UserGroupAuthenticationException($"JumpServer did not issue a token for '{_userName}': {reason}.")
            {
                Dialect = _connection.Errors.Dialect,
                ErrorCode = error,
                ServerMessage = message,
                RequestMethod = HttpMethod.Post.Method,
                RequestUri = new Uri(_connection.BaseAddress, LoginPath),
            };
        }

        // Stryker disable once String : the name only keys this provider's slot among the client's secrets, whose one issued credential is this token, so any name masks the same values
        _connection.Secrets.Renew("token", response.Token);
        return new AccessToken(response.Token, response.DateExpired);
    }

    private string? Masked(string? text) => text is null ? null : SecretRedactor.Redact(text, _connection.Secrets);
}
