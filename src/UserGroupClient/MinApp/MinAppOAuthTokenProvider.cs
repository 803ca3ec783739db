using System.Net;
using System.Net.Http.Headers;
using UserGroupClient.Authentication;
using UserGroupClient.Http;

namespace UserGroupClient.MinApp;

/// <summary>
/// The OAuth client-credentials flow of docs/wire/minapp.md §1: authorize (<see cref="MinAppAuthorizeFlow"/>) → code →
/// <c>POST /api/oauth2/access_token/</c> with a form body (<see cref="MinAppTokenForm"/>). Tokens are cached until
/// shortly before <c>expires_in</c> (measured from when the exchange was sent) and renewed with the refresh token, which
/// invalidates the old pair on the server; a refresh refused as <c>invalid_grant</c> falls back to a fresh authorize,
/// any other refusal is an authentication failure. <see cref="CachingTokenProvider"/> runs one acquisition at a time.
/// </summary>
internal sealed class MinAppOAuthTokenProvider : CachingTokenProvider
{
    /// <summary>The token endpoint, relative to the base address.</summary>
    public const string TokenPath = "api/oauth2/access_token/";

    private const string InvalidGrant = "invalid_grant";

    private readonly ApiConnection _connection;
    private readonly IMinAppEndpoints _endpoints;
    private readonly MinAppAuthorizeFlow _authorize;
    private readonly string _clientId;
    private readonly string _clientSecret;

    // Written only inside AcquireTokenAsync, which the base class never runs concurrently. It belongs to the last token
    // this provider issued, the only one the base class ever hands back as the previous token.
    private string? _refreshToken;

    public MinAppOAuthTokenProvider(MinAppAuthenticationContext context, string clientId, string clientSecret)
        : base(context.TimeProvider)
    {
        _connection = context.TokenConnection;
        _endpoints = context.TokenConnection.Api<IMinAppEndpoints>(MinAppJsonContext.Default);
        _authorize = new MinAppAuthorizeFlow(context.TokenConnection);
        _clientId = clientId;
        _clientSecret = clientSecret;
    }

    protected override async Task<AccessToken> AcquireTokenAsync(AccessToken? previous, CancellationToken cancellationToken)
    {
        if (previous is not null && _refreshToken is { } refreshToken)
        {
            // The refresh token is spent whatever the answer: on success the server has replaced it, on refusal it is dead.
            _refreshToken = null;
            try
            {
                return await ExchangeAsync(MinAppTokenForm.RefreshToken(_clientId, _clientSecret, refreshToken), cancellationToken).ConfigureAwait(false);
            }
            catch (UserGroupAuthenticationException refused) when (refused.ErrorCode is null or InvalidGrant)
            {
                // The refresh token is dead (expired, already used, or revoked by another refresh): start the flow over.
                // A refused client or an unreadable request would be refused again after a fresh authorize, so those surface.
            }
        }

        var code = await _authorize.GetCodeAsync(_clientId, _clientSecret, cancellationToken).ConfigureAwait(false);
        // Stryker disable once String : the name only keys the code's slot among the client's secrets, apart from the tokens' two, so any other name masks the same values
        _connection.Secrets.Renew("code", code);
        return await ExchangeAsync(MinAppTokenForm.AuthorizationCode(_clientId, _clientSecret, code), cancellationToken).ConfigureAwait(false);
    }

    // What the caller is told was refused, by the RFC 6749 §5.2 error code of the answer. A refresh refused as
    // invalid_grant or without a code never reaches the caller (a fresh authorize follows), so those name the code.
    private static string Refusal(string? error, string grantType) => error switch
    {
        "invalid_client" => "the token endpoint refused the client id or secret (invalid_client)",
        "invalid_request" => "the token endpoint could not read the token request (invalid_request)",
        InvalidGrant => "the authorization code was refused (invalid_grant)",
        null => "the authorization code exchange was refused",
        _ => $"the token endpoint refused the {grantType} grant ({error})",
    };

    private async Task<AccessToken> ExchangeAsync(MinAppTokenForm form, CancellationToken cancellationToken)
    {
        var sentAt = TimeProvider.GetUtcNow();
        var (body, mediaType) = form.Encode();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        MinAppTokenResponse response;
        try
        {
            response = await _endpoints.ExchangeTokenAsync(content, cancellationToken).ConfigureAwait(false);
        }
        catch (UserGroupApiException refused) when (refused.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            // Rebuilt rather than wrapped, so that no inner exception travels along; its texts are already masked, the
            // code and tokens being known secrets of the connection before they are sent.
            var error = refused.ErrorCode;
            var message = refused.ServerMessage;
            var refusal = Refusal(error, form.GrantType);
            throw UserGroupApiException.InPlaceOf(
                new UserGroupAuthenticationException(string.IsNullOrEmpty(message) || message == error ? $"MinApp: {refusal}." : $"MinApp: {refusal}: {message}"),
                refused);
        }

        if (string.IsNullOrEmpty(response.AccessToken))
        {
            throw new UserGroupAuthenticationException("MinApp: the token endpoint answered without an access_token.")
            {
                Dialect = _connection.Errors.Dialect,
                RequestMethod = HttpMethod.Post.Method,
                RequestUri = new Uri(_connection.BaseAddress, TokenPath),
            };
        }

        DateTimeOffset? expiresOn = response.ExpiresIn is { } seconds && seconds > 0 ? sentAt.AddSeconds(seconds) : null;
        var token = new AccessToken(response.AccessToken, expiresOn);
        // Stryker disable once String : the name only keys the access token's slot among the client's secrets, apart from the code's and the refresh token's, so any other name masks the same values
        _connection.Secrets.Renew("access_token", response.AccessToken);
        // Stryker disable once String : the name only keys the refresh token's slot among the client's secrets, apart from the code's and the access token's, so any other name masks the same values
        _connection.Secrets.Renew("refresh_token", response.RefreshToken);
        _refreshToken = string.IsNullOrEmpty(response.RefreshToken) ? null : response.RefreshToken;
        return token;
    }
}
