using System.Net;
using System.Net.Http.Headers;
using UserGroupClient.Http;

namespace UserGroupClient.Authentication;

/// <summary>
/// Puts <c>Authorization: &lt;scheme&gt; &lt;token&gt;</c> on every attempt and, when the server answers 401, asks the
/// provider once for a new token and resends the request with it.
/// </summary>
public sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly ITokenProvider _tokens;
    private readonly string _scheme;
    private AuthenticationHeaderValue? _header;

    /// <summary>Creates the handler.</summary>
    /// <param name="tokens">Where tokens come from.</param>
    /// <param name="scheme">The scheme word: <c>Bearer</c> by default; JumpServer private tokens use <c>Token</c>.</param>
    public BearerTokenHandler(ITokenProvider tokens, string scheme = "Bearer")
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentException.ThrowIfNullOrWhiteSpace(scheme);
        _tokens = tokens;
        _scheme = scheme;
    }

    /// <summary>Refuses a synchronous send, which would otherwise pass this handler by.</summary>
    /// <exception cref="NotSupportedException">Always: use <see cref="HttpClient.SendAsync(HttpRequestMessage)"/>.</exception>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw SynchronousSend.Refused(this);

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var getting = _tokens.GetTokenAsync(cancellationToken);
        if (!getting.IsCompletedSuccessfully)
        {
            return SendWhenTokenArrivesAsync(request, getting, cancellationToken);
        }

        // A cached token and an answer that is already there (an in-memory handler) pass through without a task of
        // this handler's own.
        var token = getting.Result;
        var sending = Send(request, token, cancellationToken);
        if (sending.IsCompletedSuccessfully && !MayRenew(sending.Result, request))
        // Stryker disable once Block : the renewing path awaits the finished answer, finds nothing to renew and returns the same answer
        {
            return sending;
        }

        return RenewIfRefusedAsync(request, token, sending, cancellationToken);
    }

    private static bool MayRenew(HttpResponseMessage response, HttpRequestMessage request) =>
        response.StatusCode == HttpStatusCode.Unauthorized && HttpRequestCloner.CanClone(request);

    private async Task<HttpResponseMessage> SendWhenTokenArrivesAsync(HttpRequestMessage request, ValueTask<AccessToken> getting, CancellationToken cancellationToken)
    {
        var token = await getting.ConfigureAwait(false);
        return await RenewIfRefusedAsync(request, token, Send(request, token, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> RenewIfRefusedAsync(HttpRequestMessage request, AccessToken token, Task<HttpResponseMessage> sending, CancellationToken cancellationToken)
    {
        var response = await sending.ConfigureAwait(false);
        if (!MayRenew(response, request))
        {
            return response;
        }

        var renewed = await _tokens.RefreshTokenAsync(token, cancellationToken).ConfigureAwait(false);
        if (renewed.Value == token.Value)
        {
            return response;
        }

        response.Dispose();
        var resend = HttpRequestCloner.Clone(request);
        resend.Headers.Authorization = Header(renewed.Value);
        return await base.SendAsync(resend, cancellationToken).ConfigureAwait(false);
    }

    private Task<HttpResponseMessage> Send(HttpRequestMessage request, AccessToken token, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = Header(token.Value);
        return base.SendAsync(request, cancellationToken);
    }

    // The header object is immutable once built, so requests share it until the token changes.
    private AuthenticationHeaderValue Header(string token)
    {
        var header = _header;
        if (header is null || !ReferenceEquals(header.Parameter, token))
        {
            header = new AuthenticationHeaderValue(_scheme, token);
            _header = header;
        }

        return header;
    }
}
