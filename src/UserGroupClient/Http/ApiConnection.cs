using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace UserGroupClient.Http;

/// <summary>
/// The transport core every typed API sends through: builds the message, sends it through the handler chain
/// (headers-first, so bodies stream), deserializes success bodies from the stream through source-generated
/// contracts, and hands failures to the dialect's <see cref="ApiErrorMapper"/>. Thread-safe; one per client.
/// </summary>
internal sealed class ApiConnection : IDisposable
{

    private readonly HttpMessageInvoker _pipeline;
    private readonly bool _ownsPipeline;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _timeout;

    /// <summary>Creates the connection.</summary>
    /// <param name="pipeline">The handler chain ending in the transport.</param>
    /// <param name="ownsPipeline">Whether disposing the connection disposes the chain.</param>
    /// <param name="baseAddress">The server's base address; a missing trailing slash is added so a path prefix is kept.</param>
    /// <param name="errors">The dialect's error mapper.</param>
    /// <param name="timeProvider">The clock for the per-call timeout.</param>
    /// <param name="timeout">How long one call may take in all.</param>
    public ApiConnection(HttpMessageInvoker pipeline, bool ownsPipeline, Uri baseAddress, ApiErrorMapper errors, TimeProvider timeProvider, TimeSpan timeout)
    {
        _pipeline = pipeline;
        _ownsPipeline = ownsPipeline;
        BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        Errors = errors;
        _timeProvider = timeProvider;
        _timeout = timeout;
    }

    /// <summary>The base address every relative path is resolved against.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The dialect's error mapper.</summary>
    public ApiErrorMapper Errors { get; }

    /// <summary>Sends a request and deserializes the JSON success body.</summary>
    public Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken) =>
        SendAsync(request, responseType, isErrorBody: null, cancellationToken);

    /// <summary>
    /// Sends a request and deserializes the JSON success body; when <paramref name="isErrorBody"/> says a 2xx body is
    /// an error (vendors that answer 200 with an error code in an envelope), the dialect's mapper turns it into an exception.
    /// </summary>
    public async Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> responseType, Func<T, bool>? isErrorBody, CancellationToken cancellationToken)
    {
        using var message = request.ToMessage(BaseAddress);
        using var timeout = StartTimeout(cancellationToken);
        try
        {
            using var response = await SendCheckedAsync(message, timeout.Token).ConfigureAwait(false);
            return await ReadJsonAsync(message, response, responseType, isErrorBody, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (TimedOut(timeout, cancellationToken))
        {
            throw TimeoutError(message, exception);
        }
    }

    /// <summary>
    /// Sends a request whose success body may be empty, as a 201 that names the new resource only in its
    /// <c>Location</c> header, or a 200/204 to a PUT: gives the deserialized body, or <see langword="null"/> when
    /// the body is empty, with the <c>Location</c> header resolved against the request URI.
    /// </summary>
    public async Task<(T? Value, Uri? Location)> SendAllowingEmptyAsync<T>(ApiRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
        where T : class
    {
        using var message = request.ToMessage(BaseAddress);
        using var timeout = StartTimeout(cancellationToken);
        try
        {
            using var response = await SendCheckedAsync(message, timeout.Token).ConfigureAwait(false);
            var location = response.Headers.Location is { } header ? new Uri(message.RequestUri!, header) : null;

            // Such answers are small; buffering them (which reading them as bytes does) lets an empty body be told from an unreadable one.
            var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
            {
                return (null, location);
            }

            return (await ReadJsonAsync(message, response, responseType, null, timeout.Token).ConfigureAwait(false), location);
        }
        catch (OperationCanceledException exception) when (TimedOut(timeout, cancellationToken))
        {
            throw TimeoutError(message, exception);
        }
    }

    /// <summary>Sends a request whose success body is not needed (204, an empty 200).</summary>
    public async Task SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        using var message = request.ToMessage(BaseAddress);
        using var timeout = StartTimeout(cancellationToken);
        try
        {
            using var response = await SendCheckedAsync(message, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (TimedOut(timeout, cancellationToken))
        {
            throw TimeoutError(message, exception);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsPipeline)
        {
            _pipeline.Dispose();
        }
    }

    private static bool TimedOut(CancellationTokenSource timeout, CancellationToken callerToken) =>
        timeout.IsCancellationRequested && !callerToken.IsCancellationRequested;

    private static TimeSpan? ReadRetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return retryAfter?.Date is { } date ? (date > now ? date - now : TimeSpan.Zero) : null;
    }

    private static bool IsJson(HttpContentHeaders headers)
    {
        var mediaType = headers.ContentType?.MediaType;
        return mediaType is null
            || mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase);
    }

    private CancellationTokenSource StartTimeout(CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_timeout != Timeout.InfiniteTimeSpan)
        {
            source.CancelAfter(_timeout);
        }

        return source;
    }

    private TimeoutException TimeoutError(HttpRequestMessage message, OperationCanceledException exception) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{Errors.Dialect}: {message.Method} {message.RequestUri!.GetLeftPart(UriPartial.Path)} did not complete within {_timeout.TotalSeconds:0.###} s."), exception);

    private async Task<HttpResponseMessage> SendCheckedAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new UserGroupApiException($"{Errors.Dialect}: the request could not be sent or its response could not be received: {exception.Message}", exception)
                .WithRequest(Errors.Dialect, message.Method.Method, message.RequestUri!);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await MapFailureAsync(message, response, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<UserGroupApiException> MapFailureAsync(HttpRequestMessage message, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var (body, complete) = await ResponseBodyReader.ReadCappedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        var error = new ApiErrorResponse(
            response.StatusCode,
            message.Method.Method,
            message.RequestUri!,
            body,
            ResponseBodyReader.TryParseJson(body, complete),
            ReadRetryAfter(response, _timeProvider.GetUtcNow()));
        return Errors.Map(error);
    }

    private async Task<T> ReadJsonAsync<T>(HttpRequestMessage message, HttpResponseMessage response, JsonTypeInfo<T> responseType, Func<T, bool>? isErrorBody, CancellationToken cancellationToken)
    {
        if (!IsJson(response.Content.Headers))
        {
            var (body, complete) = await ResponseBodyReader.ReadCappedAsync(response.Content, cancellationToken).ConfigureAwait(false);
            throw Errors.Malformed(Failure(message, response, body, complete), $"expected JSON but got {response.Content.Headers.ContentType}", null);
        }

        var capture = new PrefixCaptureStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), ResponseBodyReader.MaxBytes);
        await using (capture.ConfigureAwait(false))
        {
            T? value;
            try
            {
                value = await JsonSerializer.DeserializeAsync(capture, responseType, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException exception)
            {
                var body = ResponseBodyReader.Decode(capture.Prefix, capture.PrefixIsWhole);
                throw Errors.Malformed(Failure(message, response, body, capture.PrefixIsWhole), $"the JSON is invalid or does not have the expected shape ({exception.Message})", exception);
            }

            if (value is null)
            {
                throw Errors.Malformed(Failure(message, response, "null", true), "the body is JSON null", null);
            }

            if (isErrorBody is not null && isErrorBody(value))
            {
                throw Errors.Map(Failure(message, response, ResponseBodyReader.Decode(capture.Prefix, capture.PrefixIsWhole), capture.PrefixIsWhole));
            }

            return value;
        }
    }

    private static ApiErrorResponse Failure(HttpRequestMessage message, HttpResponseMessage response, string body, bool complete) =>
        new(response.StatusCode, message.Method.Method, message.RequestUri!, body, ResponseBodyReader.TryParseJson(body, complete), null);
}
