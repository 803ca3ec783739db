using UserGroupClient.Authentication;
using UserGroupClient.Http;

namespace UserGroupClient.Owl;

/// <summary>
/// Logs in at <c>POST /api/v1/login</c>, caches the JWT until shortly before its <c>expire</c>, renews it through
/// <c>GET /api/v1/refresh_token</c>, and logs in afresh when the renewal fails (the token was rejected, or the seven-day
/// refresh window has closed). Every refusal of the login itself is an authentication failure.
/// </summary>
internal sealed class OwlLoginTokenProvider : CachingTokenProvider
{
    private const string LoginPath = "api/v1/login";

    private readonly ApiConnection _connection;
    private readonly IOwlLoginEndpoints _endpoints;
    private readonly string _userName;
    private readonly string _password;

    public OwlLoginTokenProvider(ApiConnection connection, string userName, string password, TimeProvider timeProvider)
        : base(timeProvider)
    {
        _connection = connection;
        _endpoints = connection.Api<IOwlLoginEndpoints>(OwlJsonContext.Default);
        _userName = userName;
        _password = password;
    }

    protected override async Task<AccessToken> AcquireTokenAsync(AccessToken? previous, CancellationToken cancellationToken)
    {
        if (previous is not null)
        {
            try
            {
                var renewed = await _endpoints.RefreshTokenAsync("Bearer " + previous.Value, cancellationToken).ConfigureAwait(false);
                if (!string.IsNullOrEmpty(renewed.Token))
                {
                    return Issued(renewed);
                }

                // An answer without a token renewed nothing: like a refusal, it is answered by a fresh login.
            }
            catch (UserGroupApiException)
            {
                // A refused renewal (expired token, closed refresh window, disabled user) is answered by a fresh login,
                // whose own failure is the one the caller sees.
            }
        }

        OwlLoginResponse response;
        try
        {
            response = await _endpoints.LoginAsync(new OwlLoginRequest(_userName, _password), cancellationToken).ConfigureAwait(false);
        }
        catch (UserGroupApiException refused) when (refused is UserGroupValidationException or UserGroupNotFoundException)
        {
            // Owl answers an unknown user with 404 and a missing field with 400; to the caller both are a failed login.
            throw UserGroupApiException.InPlaceOf(new UserGroupAuthenticationException($"Owl refused the login of '{_userName}': {refused.ServerMessage}", refused), refused);
        }

        if (string.IsNullOrEmpty(response.Token))
        {
            // The answer's message is read from a success body, which the error path's masking never saw.
            var message = response.Message is null ? null : SecretRedactor.Redact(response.Message, _connection.Secrets);
            throw new UserGroupAuthenticationException($"Owl did not issue a token for '{_userName}': {message ?? "the answer carried no token"}.")
            {
                Dialect = _connection.Errors.Dialect,
                ErrorCode = response.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ServerMessage = message,
                RequestMethod = HttpMethod.Post.Method,
                RequestUri = new Uri(_connection.BaseAddress, LoginPath),
            };
        }

        return Issued(response);
    }

    private AccessToken Issued(OwlLoginResponse response)
    {
        // Stryker disable once String : the name only keys this provider's slot among the client's secrets, whose one issued credential is this token, so any name masks the same values
        _connection.Secrets.Renew("token", response.Token);
        return new AccessToken(response.Token!, response.Expire);
    }
}
