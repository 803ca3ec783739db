using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using UserGroupClient.Http;

namespace UserGroupClient.Authentication;

/// <summary>
/// Puts <c>Authorization: &lt;scheme&gt; &lt;token&gt;</c> on every attempt and, when the server answers 401, asks the
/// provider once for a new token and resends the request with it.
/// </summary>
public sealed class BearerTokenHandler : DelegatingHandler, IValueTaskHandler
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
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendValueAsync(request, cancellationToken).AsTask();

    ValueTask<HttpResponseMessage> IValueTaskHandler.SendValueAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendValueAsync(request, cancellationToken);

    private static bool MayRenew(HttpResponseMessage response, HttpRequestMessage request) =>
        response.StatusCode == HttpStatusCode.Unauthorized && HttpRequestCloner.CanClone(request);

    private ValueTask<HttpResponseMessage> SendValueAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var getting = _tokens.GetTokenAsync(cancellationToken);
        if (!getting.IsCompletedSuccessfully)
        {
            return SendWhenTokenArrivesAsync(request, getting, cancellationToken);
        }

        // A cached token and an answer that is already there (an in-memory handler) pass through without a state
        // machine of this handler's own.
        var token = getting.Result;
        var sending = Send(request, token, cancellationToken);
        if (!sending.IsCompletedSuccessfully)
        {
            return RenewIfRefusedAsync(request, token, sending, cancellationToken);
        }

        // A pooled answer is read once: it is handed on as the value read.
        var response = sending.Result;
        // Stryker disable once Conditional : the renewing path awaits the finished answer, finds nothing to renew and returns the same answer
        return MayRenew(response, request) ? RenewIfRefusedAsync(request, token, new(response), cancellationToken) : new(response);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<HttpResponseMessage> SendWhenTokenArrivesAsync(HttpRequestMessage request, ValueTask<AccessToken> getting, CancellationToken cancellationToken)
    {
        var token = await getting.ConfigureAwait(false);
        return await RenewIfRefusedAsync(request, token, Send(request, token, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    // Pooled: over a socket the answer is awaited here on every call.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<HttpResponseMessage> RenewIfRefusedAsync(HttpRequestMessage request, AccessToken token, ValueTask<HttpResponseMessage> sending, CancellationToken cancellationToken)
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
        return await SendInnerAsync(resend, cancellationToken).ConfigureAwait(false);
    }

    private ValueTask<HttpResponseMessage> Send(HttpRequestMessage request, AccessToken token, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = Header(token.Value);
        return SendInnerAsync(request, cancellationToken);
    }

    private ValueTask<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        InnerHandler is IValueTaskHandler inner ? inner.SendValueAsync(request, cancellationToken) : new(base.SendAsync(request, cancellationToken));

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
