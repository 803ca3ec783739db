using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using UserGroupClient.Diagnostics;

namespace UserGroupClient.Http;

/// <summary>
/// The first handler of every client: bounds the whole call (<see cref="UserGroupClientOptions.Timeout"/>, body
/// included), reads the body while the bound holds, maps failures to the dialect's exceptions and logs one event per
/// call. Refit's exception factories (<see cref="ApiRefitSettings"/>) hand on what it found.
/// </summary>
/// <remarks>
/// Refit reads a success body only after the handlers returned, and answers a body it could not read with the
/// default value, as if it were empty. So a success body is read before the call returns, whole and within
/// <see cref="UserGroupClientOptions.MaxResponseContentBytes"/> (<see cref="SuccessBody"/>: by the attempt that got it
/// when resilience runs, so a body cut off is retried, else here), and a body that cannot be read fails the call; a
/// page (<see cref="ApiRequestOptions.StreamedResponse"/>) goes on as a <see cref="ResponseStream"/> that keeps the
/// bound and the limit while it is parsed. An error body is read and mapped here, and the exception waits in the
/// request's options for the exception factory.
/// </remarks>
internal sealed class CallHandler : DelegatingHandler
{
    // Stryker disable once String : the key is only ever read through this same field; its text collides with no other key
    private static readonly HttpRequestOptionsKey<UserGroupApiException> FailureKey = new("UserGroupClient.Failure");

    private readonly ApiConnectionSettings _settings;
    private readonly ApiErrorMapper _errors;
    private readonly RouteCheck _routes;
    private readonly SuccessBody _body;

    // Whether the handler under this one bounds the sending more tightly than the call's timeout, so that the call's
    // timer is needed only for what comes after it (the body).
    private readonly bool _sendBounded;

    public CallHandler(ApiConnectionSettings settings, ApiErrorMapper errors, Uri baseAddress, HttpMessageHandler inner)
        : base(inner)
    {
        _settings = settings;
        _errors = errors;
        _routes = new RouteCheck(baseAddress);
        _body = new SuccessBody(settings.MaxResponseContentBytes, settings.Secrets, errors);
        // Stryker disable once Logical : "&&" arms the call's timer also while a tighter bound of the handler under it ends the sending first
        _sendBounded = inner is ValueTaskDelegatingHandler { SendBound: { } bound } && (settings.Timeout == Timeout.InfiniteTimeSpan || bound < settings.Timeout);
    }

    /// <summary>The exception this handler mapped from the response to <paramref name="request"/>, if it failed.</summary>
    public static UserGroupApiException? FailureOf(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(FailureKey, out var failure) ? failure : null;

    /// <summary>Keeps <paramref name="failure"/> with <paramref name="request"/>, for <see cref="FailureOf"/>.</summary>
    public static void Record(HttpRequestMessage request, UserGroupApiException failure) => request.Options.Set(FailureKey, failure);

    /// <summary>What a failed call's exception says about the exchange.</summary>
    public static ApiErrorResponse Failure(HttpRequestMessage request, HttpResponseMessage response, MaskedBody body, TimeSpan? retryAfter = null) =>
        new(response.StatusCode, request.Method.Method, request.RequestUri!, body.Text, body.Json, retryAfter);

    /// <summary>What a body that could not be read makes of the reason.</summary>
    public static string ReadProblem(Exception exception) =>
        exception is ResponseTooLargeException ? exception.Message : $"the body could not be read to its end ({exception.Message})";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _routes.Verify(request);
        NormalizeBody(request);
        var timeout = TimeoutScope.StartUnarmed(_settings.TimeProvider, _settings.Timeout, cancellationToken);
        // Timed only when logged: a clock reading is dear on some virtual machines (a warning is logged whenever
        // anything is).
        long? started = null;
        if (_settings.Logger.IsEnabled(LogLevel.Warning))
        {
            started = _settings.TimeProvider.GetTimestamp();
        }

        var handedOver = false;
        try
        {
            HttpResponseMessage response;
            try
            {
                // Sending that the handler under this one bounds more tightly runs under the caller's token alone: the
                // call's timer is not set while it runs, so its token could be cancelled by nothing else, and linking
                // the inner bound to it would register one cancellation more per call.
                // Stryker disable once Conditional : the call's token, unarmed while the sending is bounded within, is cancelled only with the caller's: the same cancellation, through one registration more
                response = await timeout.Bound(SendInnerAsync(request, _sendBounded ? cancellationToken : timeout.Token), boundWithin: _sendBounded).ConfigureAwait(false);
            }
            catch (HttpRequestException exception)
            {
                throw new UserGroupApiException($"{_errors.Dialect}: the request could not be sent or its response could not be received: {exception.Message}", exception)
                    .WithRequest(_errors.Dialect, request.Method.Method, request.RequestUri!);
            }
            catch (CrossOriginRedirectException exception)
            {
                throw new UserGroupApiException($"{_errors.Dialect}: {exception.Message}.", exception)
                    .WithRequest(_errors.Dialect, request.Method.Method, request.RequestUri!);
            }

            // The exception factories read the request from the response: the one Refit sent, not a copy a caller's
            // client sent, nor none, as a handler of the caller's may leave it.
            response.RequestMessage = request;
            if (!response.IsSuccessStatusCode)
            {
                using (response)
                {
                    var failure = await timeout.Bound(MapFailureAsync(request, response, timeout.Token)).ConfigureAwait(false);
                    Record(request, failure);
                    LogFailure(request, started, failure);

                    // The exception factory raises the failure; the response it gets needs no body any more.
                    return new HttpResponseMessage(response.StatusCode) { RequestMessage = request, ReasonPhrase = response.ReasonPhrase };
                }
            }

            if (response.Content is ContentBuffer.PooledContent read)
            {
                // The attempt that got the answer read its body, within the limit.
                CheckRequiredBody(request, response, read.Bytes);
            }
            else
            {
                var announcedLength = SuccessBody.AnnouncedLength(response);
                if (announcedLength > _settings.MaxResponseContentBytes)
                {
                    response.Dispose();
                    throw _errors.Malformed(Failure(request, response, MaskedBody.Empty), $"the body has {announcedLength} bytes, more than the {_settings.MaxResponseContentBytes}-byte limit (MaxResponseContentBytes)", null);
                }

                if (ApiRequestOptions.Has(request, ApiRequestOptions.StreamedResponseKey))
                {
                    // The stream is read after this handler returns: its bound must already run.
                    timeout.Arm();
                    response.Content = new ResponseStreamContent(await ResponseStream.OpenAsync(request, response, timeout, _settings.Timeout, _settings.MaxResponseContentBytes, timeout.Token).ConfigureAwait(false), response.Content.Headers);
                    handedOver = true;
                }
                else
                {
                    await timeout.Bound(BufferAsync(request, response, announcedLength, timeout.Token)).ConfigureAwait(false);
                }
            }

            LogSuccess(request, response, started);
            return response;
        }
        catch (OperationCanceledException exception) when (timeout.TimedOut)
        {
            var error = TimedOut(_errors.Dialect, request, _settings.Timeout, exception);
            LogFailure(request, started, error);
            throw error;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailure(request, started, exception);
            throw;
        }
        finally
        {
            if (!handedOver)
            {
                timeout.Dispose();
            }
        }
    }

    /// <summary>The exception of a call whose bound elapsed.</summary>
    public static TimeoutException TimedOut(string dialect, HttpRequestMessage request, TimeSpan timeout, Exception inner) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{dialect}: {request.Method} {request.RequestUri!.GetLeftPart(UriPartial.Path)} did not complete within {timeout.TotalSeconds:0.###} s."), inner);

    private static TimeSpan? ReadRetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        // A date already past is no wait.
        return retryAfter?.Date is { } date ? TimeSpan.FromTicks(Math.Max((date - now).Ticks, 0)) : null;
    }

    // A ValueTask: an answer that is already there (an in-memory handler, a resilience pipeline that completed at once)
    // passes through without a task of its own, and one that waits on the network suspends no state machine of its own
    // between the call's and the handler's.
    private ValueTask<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        InnerHandler is IValueTaskHandler first
            ? first.SendValueAsync(request, cancellationToken)
            : new ValueTask<HttpResponseMessage>(base.SendAsync(request, cancellationToken));

    private async Task<UserGroupApiException> MapFailureAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await ResponseBodyReader.ReadErrorAsync(response.Content, _settings.MaxResponseContentBytes, _settings.Secrets, cancellationToken).ConfigureAwait(false);
        return _errors.Map(Failure(request, response, body, ReadRetryAfter(response, _settings.TimeProvider.GetUtcNow())));
    }

    private async Task BufferAsync(HttpRequestMessage request, HttpResponseMessage response, long? announcedLength, CancellationToken cancellationToken) =>
        CheckRequiredBody(request, response, await _body.ReadAsync(request, response, announcedLength, cancellationToken).ConfigureAwait(false));

    private void CheckRequiredBody(HttpRequestMessage request, HttpResponseMessage response, ArraySegment<byte> bytes)
    {
        if (ApiRequestOptions.RequiresBody(request))
        {
            var json = bytes.AsSpan().Trim(" \t\r\n"u8);
            if (json.IsEmpty || json.SequenceEqual("null"u8))
            {
                // An empty body is one cut off before its first byte (transient: the server acted, the answer was
                // lost), as the JSON reader says of it; a JSON null is an answer. The exception copies the body
                // before the response goes: its bytes are wiped with it.
                var error = json.IsEmpty
                    ? _errors.Malformed(Failure(request, response, MaskedBody.Empty), "the body is empty", new System.Text.Json.JsonException("The body ended before any JSON."))
                    : _errors.Malformed(Failure(request, response, ResponseBodyReader.MaskBody(json, true, null)), "the body is JSON null", null);
                // Stryker disable once Statement : the content is ContentBuffer's pooled copy of the body; undisposed, its array goes to the garbage collector instead of back to the pool, and nothing a caller or server sees changes
                response.Dispose();
                throw error;
            }
        }
    }

    private static void NormalizeBody(HttpRequestMessage request)
    {
        if (request.Content is not { } content)
        {
            return;
        }

        // Refit labels a JSON body "application/json; charset=utf-8"; the vendors document (and the SDK has always
        // sent) "application/json", whose encoding is UTF-8 by definition (RFC 8259), so the parameter says nothing.
        if (content.Headers.ContentType is { MediaType: "application/json", CharSet: "utf-8" } contentType && contentType.Parameters.Count == 1)
        {
            contentType.CharSet = null;
        }

        // Refit gives a request without a body an empty one when it sets a header on it (a DELETE with X-JMS-ORG),
        // which would go out as "Content-Length: 0": the vendors document none, and the SDK never sent one.
        else if (content.Headers.ContentType is null && (request.Method == HttpMethod.Delete || request.Method == HttpMethod.Get) && content.Headers.ContentLength == 0)
        {
            request.Content = null;
            // Stryker disable once Statement : the dropped body is an empty one in memory, no longer referenced: disposing it frees nothing a caller or server sees
            content.Dispose();
        }
    }

    private void LogSuccess(HttpRequestMessage request, HttpResponseMessage response, long? started)
    {
        if (started is { } start && _settings.Logger.IsEnabled(LogLevel.Information))
        {
            var elapsed = Elapsed(start);
            LogEvents.CallSucceeded(_settings.Logger, _settings.ClientName, request.Method.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode, elapsed);
        }
    }

    private void LogFailure(HttpRequestMessage request, long? started, Exception exception)
    {
        if (started is { } start && _settings.Logger.IsEnabled(LogLevel.Warning))
        {
            var elapsed = Elapsed(start);
            LogEvents.CallFailed(_settings.Logger, _settings.ClientName, request.Method.Method, request.RequestUri!.AbsolutePath, elapsed, exception.Message);
        }
    }

    private double Elapsed(long started) => _settings.TimeProvider.GetElapsedTime(started).TotalMilliseconds;

    private sealed class ResponseStreamContent : HttpContent
    {
        private readonly ResponseStream _stream;

        public ResponseStreamContent(ResponseStream stream, HttpContentHeaders headers)
        {
            _stream = stream;
            foreach (var header in headers.NonValidated)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(_stream);

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => _stream.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _stream.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
