using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using UserGroupClient.Http;

namespace UserGroupClient.MinApp;

/// <summary>
/// Step 1 of the OAuth flow: <c>POST /api/oauth2/hydrogen/openapi/authorize/</c>, which answers through two
/// <c>302 Found</c> hops whose state travels in a session cookie. The hops are followed here, by hand, over the
/// SDK's own transport (never a caller-supplied <see cref="HttpClient"/>, which might follow a 307 elsewhere with the
/// secret), with a <see cref="CookieContainer"/> that lives for one run of the step only.
/// </summary>
/// <remarks>
/// Why by hand: the transport deliberately follows no redirects and keeps no cookies, so that API calls never
/// replay credentials to another address or ride on a server session. A second <see cref="SocketsHttpHandler"/>
/// with redirects and cookies on would also work, but it would hold one cookie jar for the client's lifetime instead
/// of one per run, and give no say over where the credentials go. Here: at most <see cref="MaxRedirects"/> hops; 301/302/303 turn
/// the POST into a body-less GET (as browsers and the vendor's Node and PHP samples do); 307/308 keep the body only
/// on the same origin; an https → http hop is refused; the final answer is read under the client's
/// <see cref="UserGroupClientOptions.MaxResponseContentBytes"/>, counted after decoding; error messages never carry the
/// code, the secret or any other of the client's known secrets.
/// </remarks>
internal sealed class MinAppAuthorizeFlow
{
    /// <summary>The path of the authorize step, relative to the base address.</summary>
    public const string AuthorizePath = "api/oauth2/hydrogen/openapi/authorize/";

    /// <summary>More hops than the documented two are tolerated, up to this many.</summary>
    public const int MaxRedirects = 5;

    private readonly ApiConnection _connection;
    private readonly Uri _authorizeUri;

    /// <summary>Creates the step over <paramref name="connection"/>'s handler chain, which sends without authentication.</summary>
    public MinAppAuthorizeFlow(ApiConnection connection)
    {
        _connection = connection;
        _authorizeUri = new Uri(connection.BaseAddress, AuthorizePath);
    }

    /// <summary>
    /// Runs the step and returns the authorization code. It runs inside the API call that needed a token, under that
    /// call's bound (<see cref="UserGroupClientOptions.Timeout"/>, on the client's clock) and its attempt's timeout.
    /// </summary>
    /// <exception cref="UserGroupAuthenticationException">The server refused the credentials or the flow broke off.</exception>
    /// <exception cref="UserGroupApiException">The server failed or answered something unreadable.</exception>
    public Task<string> GetCodeAsync(string clientId, string clientSecret, CancellationToken cancellationToken) =>
        RunAsync(clientId, clientSecret, cancellationToken);

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    // Redirect targets and the final address may carry the code in their query: exceptions get the path only.
    private static Uri PathOnly(Uri uri) => new(uri.GetLeftPart(UriPartial.Path));

    private static UserGroupAuthenticationException FlowError(string problem, HttpMethod method, Uri uri, HttpStatusCode? status) =>
        new($"MinApp: the authorize step failed: {problem}.")
        {
            Dialect = MinAppErrorMapper.Instance.Dialect,
            StatusCode = status,
            RequestMethod = method.Method,
            RequestUri = PathOnly(uri),
        };

    private static void StoreCookies(CookieContainer cookies, Uri uri, HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }

        foreach (var value in values)
        {
            try
            {
                cookies.SetCookies(uri, value);
            }
            catch (CookieException)
            {
                // A cookie the container cannot parse is dropped, as a browser would; the next hop reports what is missing.
            }
        }
    }

    private async Task<string> RunAsync(string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        var cookies = new CookieContainer();
        var body = JsonSerializer.SerializeToUtf8Bytes(new MinAppAuthorizeRequest(clientId, clientSecret), MinAppJsonContext.Default.MinAppAuthorizeRequest);
        var method = HttpMethod.Post;
        var uri = _authorizeUri;
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(method, uri);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }

            var cookieHeader = cookies.GetCookieHeader(uri);
            if (cookieHeader.Length > 0)
            {
                request.Headers.TryAddWithoutValidation("Cookie", cookieHeader);
            }

            HttpResponseMessage response;
            try
            {
                response = await _connection.Pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException exception)
            {
                throw new UserGroupApiException($"MinApp: the authorize request could not be sent or its response could not be received: {exception.Message}", exception)
                    .WithRequest(MinAppErrorMapper.Instance.Dialect, method.Method, PathOnly(uri));
            }

            using (response)
            {
                StoreCookies(cookies, uri, response);
                if (!IsRedirect(response.StatusCode))
                {
                    return await ReadCodeAsync(method, uri, response, cancellationToken).ConfigureAwait(false);
                }

                if (hop == MaxRedirects)
                {
                    throw FlowError($"more than {MaxRedirects} redirects", method, uri, response.StatusCode);
                }

                var location = response.Headers.Location ?? throw FlowError("a redirect without a Location header", method, uri, response.StatusCode);
                var next = new Uri(uri, location);
                if (next.Scheme != Uri.UriSchemeHttps && next.Scheme != Uri.UriSchemeHttp)
                {
                    throw FlowError($"a redirect to a non-HTTP address ({next.Scheme})", method, uri, response.StatusCode);
                }

                if (uri.Scheme == Uri.UriSchemeHttps && next.Scheme == Uri.UriSchemeHttp)
                {
                    throw FlowError("a redirect from https to plain http", method, uri, response.StatusCode);
                }

                if ((int)response.StatusCode is 307 or 308)
                {
                    // These keep the method and body, i.e. the client secret: only to the same origin.
                    if (body is not null && !SameOrigin(uri, next))
                    {
                        throw FlowError("a redirect that would resend the client secret to another origin", method, uri, response.StatusCode);
                    }
                }
                else
                {
                    method = HttpMethod.Get;
                    body = null;
                }

                uri = next;
            }
        }
    }

    private async Task<string> ReadCodeAsync(HttpMethod method, Uri uri, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            // The client's known secrets hold the client secret and every code and token issued so far.
            var (body, complete) = await ResponseBodyReader.ReadCappedAsync(response.Content, _connection.Secrets, cancellationToken).ConfigureAwait(false);
            var failure = new ApiErrorResponse(response.StatusCode, method.Method, PathOnly(uri), body, ResponseBodyReader.TryParseJson(body, complete), null);
            throw MinAppErrorMapper.Instance.MapAuthenticationFailure(failure, "the authorize step was refused");
        }

        MinAppAuthorizeResponse? answer = null;
        var stream = await ResponseBodyReader.OpenAsync(response.Content, _connection.MaxResponseContentBytes, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                answer = await JsonSerializer.DeserializeAsync(stream, MinAppJsonContext.Default.MinAppAuthorizeResponse, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                // Reported below without the body: a half-readable answer may still hold the code.
            }
            catch (Exception exception) when (exception is IOException or HttpRequestException)
            {
                var problem = exception is ResponseTooLargeException ? exception.Message : $"the body could not be read to its end ({exception.Message})";
                throw MinAppErrorMapper.Instance.Malformed(new ApiErrorResponse(response.StatusCode, method.Method, PathOnly(uri), "", null, null), problem, exception);
            }
        }

        return string.IsNullOrEmpty(answer?.Code)
            ? throw FlowError("the final answer carried no code (expected JSON {\"code\": …, \"expires_in\": …})", method, uri, response.StatusCode)
            : answer.Code;
    }
}
