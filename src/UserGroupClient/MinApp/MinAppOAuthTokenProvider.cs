using System.Net;
using UserGroupClient.Authentication;
using UserGroupClient.Http;

namespace UserGroupClient.MinApp;

/// <summary>
/// The OAuth client-credentials flow of docs/wire/minapp.md §1: authorize (<see cref="MinAppAuthorizeFlow"/>) → code →
/// <c>POST /api/oauth2/access_token/</c>. Tokens are cached until shortly before <c>expires_in</c> (measured from
/// when the exchange was sent) and renewed with the refresh token, which invalidates the old pair on the server; a
/// refused refresh falls back to a fresh authorize. <see cref="CachingTokenProvider"/> runs one acquisition at a time.
/// </summary>
internal sealed class MinAppOAuthTokenProvider : CachingTokenProvider
{
    /// <summary>The token endpoint, relative to the base address.</summary>
    public const string TokenPath = "api/oauth2/access_token/";

    private readonly ApiConnection _connection;
    private readonly MinAppAuthorizeFlow _authorize;
    private readonly string _clientId;
    private readonly string _clientSecret;

    // Written only inside AcquireTokenAsync, which the base class never runs concurrently.
    private AccessToken? _issued;
    private string? _refreshToken;

    public MinAppOAuthTokenProvider(MinAppAuthenticationContext context, string clientId, string clientSecret)
        : base(context.TimeProvider)
    {
        _connection = context.TokenConnection;
        _authorize = new MinAppAuthorizeFlow(context.Transport, context.TokenConnection.BaseAddress, context.Timeout);
        _clientId = clientId;
        _clientSecret = clientSecret;
    }

    protected override async Task<AccessToken> AcquireTokenAsync(AccessToken? previous, CancellationToken cancellationToken)
    {
        if (previous is not null && ReferenceEquals(previous, _issued) && _refreshToken is { } refreshToken)
        {
            // The refresh token is spent whatever the answer: on success the server has replaced it, on refusal it is dead.
            _refreshToken = null;
            try
            {
                return await ExchangeAsync(new MinAppTokenRequest(_clientId, _clientSecret, "refresh_token") { RefreshToken = refreshToken }, "the refresh token was refused", refreshToken, cancellationToken).ConfigureAwait(false);
            }
            catch (UserGroupAuthenticationException)
            {
                // Refused (expired, already used, or revoked by another refresh): start the flow over.
            }
        }

        var code = await _authorize.GetCodeAsync(_clientId, _clientSecret, cancellationToken).ConfigureAwait(false);
        _connection.Secrets.Add(code);
        return await ExchangeAsync(new MinAppTokenRequest(_clientId, _clientSecret, "authorization_code") { Code = code }, "the authorization code exchange was refused", code, cancellationToken).ConfigureAwait(false);
    }

    private static string? Scrub(string? text, string grant) =>
        text?.Replace(grant, SecretRedactor.Mask, StringComparison.Ordinal);

    private async Task<AccessToken> ExchangeAsync(MinAppTokenRequest body, string refusal, string grant, CancellationToken cancellationToken)
    {
        var sentAt = TimeProvider.GetUtcNow();
        var request = new ApiRequest(HttpMethod.Post, TokenPath)
            .WithHeader("Accept", "application/json")
            .WithJson(body, MinAppJsonContext.Default.MinAppTokenRequest);
        MinAppTokenResponse response;
        try
        {
            response = await _connection.SendAsync(request, MinAppJsonContext.Default.MinAppTokenResponse, cancellationToken).ConfigureAwait(false);
        }
        catch (UserGroupApiException refused) when (refused.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            // Rebuilt rather than wrapped, so that neither the message nor an inner exception can carry the code or token.
            var message = Scrub(refused.ServerMessage, grant);
            throw new UserGroupAuthenticationException($"MinApp: {refusal}: {message}")
            {
                Dialect = refused.Dialect,
                StatusCode = refused.StatusCode,
                ErrorCode = Scrub(refused.ErrorCode, grant),
                ServerMessage = message,
                RequestMethod = refused.RequestMethod,
                RequestUri = refused.RequestUri,
                ResponseBody = Scrub(refused.ResponseBody, grant),
            };
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
        _connection.Secrets.Add(response.AccessToken);
        _connection.Secrets.Add(response.RefreshToken);
        _issued = token;
        _refreshToken = string.IsNullOrEmpty(response.RefreshToken) ? null : response.RefreshToken;
        return token;
    }
}
