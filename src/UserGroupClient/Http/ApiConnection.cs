using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Refit;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using UserGroupClient.Diagnostics;

namespace UserGroupClient.Http;

/// <summary>
/// The transport core every typed API sends through: builds the message, sends it through the handler chain
/// (headers-first, so bodies stream), deserializes success bodies from the stream through source-generated
/// contracts, hands failures to the dialect's <see cref="ApiErrorMapper"/>, and logs one event per call.
/// Thread-safe; one per client.
/// </summary>
internal sealed class ApiConnection : IDisposable
{
    private readonly HttpMessageInvoker _pipeline;
    private readonly CallHandler _calls;
    private readonly HttpClient _http;
    private readonly ValueTaskDelegatingHandler? _first;
    private readonly ApiConnectionSettings _settings;

    /// <summary>Creates the connection, which owns <paramref name="chain"/> from then on.</summary>
    /// <param name="chain">The handler chain ending in the transport.</param>
    /// <param name="baseAddress">The server's base address; a missing trailing slash is added so a path prefix is kept.</param>
    /// <param name="errors">The dialect's error mapper.</param>
    /// <param name="settings">Timeout, size limit, clock and logger.</param>
    public ApiConnection(HttpMessageHandler chain, Uri baseAddress, ApiErrorMapper errors, ApiConnectionSettings settings)
    {
        _pipeline = new HttpMessageInvoker(chain, disposeHandler: false);
        _first = chain as ValueTaskDelegatingHandler;
        BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        Errors = errors;
        _settings = settings;

        _calls = new CallHandler(settings, errors, BaseAddress, chain);
        _http = Client(disposeHandler: true);
    }

    /// <summary>The base address every relative path is resolved against.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The dialect's error mapper.</summary>
    public ApiErrorMapper Errors { get; }

    /// <summary>The client's known secret values, masked in every error text; token providers add the tokens they receive.</summary>
    public KnownSecrets Secrets => _settings.Secrets;

    /// <summary>The largest body read, counted after decoding (<see cref="UserGroupClientOptions.MaxResponseContentBytes"/>).</summary>
    public long MaxResponseContentBytes => _settings.MaxResponseContentBytes;

    /// <summary>
    /// The handler chain itself, for exchanges that are not API calls and read their responses by hand
    /// (MinApp's authorize step follows its redirects one hop at a time).
    /// </summary>
    public HttpMessageInvoker Pipeline => _pipeline;

    /// <summary>
    /// A Refit interface over this connection: its calls go through the call handler and the whole chain, with the
    /// dialect's exceptions, and its JSON through <paramref name="json"/>.
    /// </summary>
    public TApi Api<TApi>(JsonSerializerContext json)
        where TApi : class =>
        RestService.ForGenerated<TApi>(_http, ApiRefitSettings.Create(json, Errors, _settings.Secrets));

    /// <summary>
    /// A Refit interface of the caller's over this connection (the clients' <c>CreateApi</c>), as <see cref="Api{TApi}(JsonSerializerContext)"/>,
    /// whose calls also carry <paramref name="dialectHeaders"/> unless the method sets them itself (JumpServer's
    /// organization, MinApp's environment, Kylin's media type).
    /// </summary>
    public TApi Api<TApi>(JsonSerializerContext json, IEnumerable<KeyValuePair<string, string>> dialectHeaders)
        where TApi : class
    {
        // Its own HttpClient for its default headers; the handlers stay the connection's, which disposes them.
        var client = Client(disposeHandler: false);
        foreach (var (name, value) in dialectHeaders)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        }

        return RestService.ForGenerated<TApi>(client, ApiRefitSettings.Create(json, Errors, _settings.Secrets));
    }

    /// <summary>Parses a page that a Refit method gave as a <see cref="Stream"/> (see <see cref="StreamedJson"/>).</summary>
    public Task<T> ReadAsync<T>(Stream page, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        StreamedJson.ReadAsync(page, type, Errors, _settings.Secrets, cancellationToken);

    /// <summary>Sends a request and deserializes the JSON success body.</summary>
    public Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken) =>
        SendAsync(request, responseType, isErrorBody: null, cancellationToken);

    /// <summary>
    /// Sends a request and deserializes the JSON success body; when <paramref name="isErrorBody"/> says a 2xx body is
    /// an error (vendors that answer 200 with an error code in an envelope), the dialect's mapper turns it into an exception.
    /// </summary>
    public Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> responseType, Func<T, bool>? isErrorBody, CancellationToken cancellationToken) =>
        RunAsync(
            request,
            (ResponseType: responseType, IsErrorBody: isErrorBody),
            static (connection, message, response, state, ct) => connection.ReadJsonAsync(message, response, state.ResponseType, state.IsErrorBody, ct),
            cancellationToken);

    /// <summary>
    /// Sends a request whose success body may be empty, as a 201 that names the new resource only in its
    /// <c>Location</c> header, a 200/204 to a PUT, or the 204 that stands for a DELETE whose resend found the resource
    /// already gone: gives the deserialized body, or <see langword="null"/> when the body is empty, with the
    /// <c>Location</c> header resolved against the request URI. A body that <paramref name="isErrorBody"/> calls an
    /// error goes to the dialect's mapper.
    /// </summary>
    public Task<(T? Value, Uri? Location)> SendAllowingEmptyAsync<T>(ApiRequest request, JsonTypeInfo<T> responseType, Func<T, bool>? isErrorBody, CancellationToken cancellationToken)
        where T : class =>
        RunAsync<(JsonTypeInfo<T> ResponseType, Func<T, bool>? IsErrorBody), (T?, Uri?)>(
            request,
            (responseType, isErrorBody),
            static async (connection, message, response, state, ct) =>
            {
                var location = response.Headers.Location is { } header ? (header.IsAbsoluteUri ? header : new Uri(message.RequestUri!, header)) : null;

                // Such answers are small; buffering them lets an empty body be told from an unreadable one.
                byte[] bytes;
                try
                {
                    bytes = await ContentBuffer.LoadAsync(response, connection._settings.MaxResponseContentBytes, ct).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is IOException or HttpRequestException)
                {
                    throw connection.Errors.Malformed(Failure(message, response, MaskedBody.Empty), ReadProblem(exception), exception);
                }

                if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
                {
                    return (null, location);
                }

                return (await connection.ReadJsonAsync(message, response, state.ResponseType, state.IsErrorBody, ct).ConfigureAwait(false), location);
            },
            cancellationToken);

    /// <summary>Sends a request whose success body is not needed (204, an empty 200).</summary>
    public Task SendAsync(ApiRequest request, CancellationToken cancellationToken) =>
        RunAsync(request, true, static (_, _, _, _, _) => ValueTask.FromResult(true), cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        _pipeline.Dispose();
    }

    // The SDK's own timeouts govern (the call handler's), never HttpClient's 100 s default.
    private HttpClient Client(bool disposeHandler) =>
        new(_calls, disposeHandler) { BaseAddress = BaseAddress, Timeout = Timeout.InfiniteTimeSpan };

    private static TimeSpan? ReadRetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return retryAfter?.Date is { } date ? (date > now ? date - now : TimeSpan.Zero) : null;
    }

    private static ApiErrorResponse Failure(HttpRequestMessage message, HttpResponseMessage response, MaskedBody body) =>
        new(response.StatusCode, message.Method.Method, message.RequestUri!, body.Text, body.Json, null);

    private static string ReadProblem(Exception exception) =>
        exception is ResponseTooLargeException ? exception.Message : $"the body could not be read to its end ({exception.Message})";

    // The read step is a static delegate with explicit state, so a call allocates no closure.
    private async Task<T> RunAsync<TState, T>(
        ApiRequest request,
        TState state,
        Func<ApiConnection, HttpRequestMessage, HttpResponseMessage, TState, CancellationToken, ValueTask<T>> read,
        CancellationToken cancellationToken)
    {
        using var message = request.ToMessage(BaseAddress);

        var timeout = TimeoutScope.Start(_settings.TimeProvider, _settings.Timeout, cancellationToken);
        var started = _settings.TimeProvider.GetTimestamp();
        try
        {
            using var response = await SendCheckedAsync(message, timeout.Token).ConfigureAwait(false);
            var result = await read(this, message, response, state, timeout.Token).ConfigureAwait(false);
            if (_settings.Logger.IsEnabled(LogLevel.Information))
            {
                var elapsed = Elapsed(started);
                LogEvents.CallSucceeded(_settings.Logger, _settings.ClientName, message.Method.Method, message.RequestUri!.AbsolutePath, (int)response.StatusCode, elapsed);
            }

            return result;
        }
        catch (OperationCanceledException exception) when (timeout.TimedOut)
        {
            var error = new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"{Errors.Dialect}: {message.Method} {message.RequestUri!.GetLeftPart(UriPartial.Path)} did not complete within {_settings.Timeout.TotalSeconds:0.###} s."), exception);
            LogFailure(message, started, error);
            throw error;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailure(message, started, exception);
            throw;
        }
        finally
        {
            timeout.Dispose();
        }
    }

    private void LogFailure(HttpRequestMessage message, long started, Exception exception)
    {
        if (_settings.Logger.IsEnabled(LogLevel.Warning))
        {
            var elapsed = Elapsed(started);
            LogEvents.CallFailed(_settings.Logger, _settings.ClientName, message.Method.Method, message.RequestUri!.AbsolutePath, elapsed, exception.Message);
        }
    }

    private double Elapsed(long started) => _settings.TimeProvider.GetElapsedTime(started).TotalMilliseconds;

    // Pooled ValueTask builders here and below: a call that completes at once allocates no Task, one that waits
    // reuses a state-machine box instead of allocating one.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<HttpResponseMessage> SendCheckedAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = _first is { } first
                ? await first.SendValueAsync(message, cancellationToken).ConfigureAwait(false)
                : await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new UserGroupApiException($"{Errors.Dialect}: the request could not be sent or its response could not be received: {exception.Message}", exception)
                .WithRequest(Errors.Dialect, message.Method.Method, message.RequestUri!);
        }
        catch (CrossOriginRedirectException exception)
        {
            throw new UserGroupApiException($"{Errors.Dialect}: {exception.Message}.", exception)
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
        var body = await ResponseBodyReader.ReadErrorAsync(response.Content, _settings.MaxResponseContentBytes, _settings.Secrets, cancellationToken).ConfigureAwait(false);
        var error = new ApiErrorResponse(
            response.StatusCode,
            message.Method.Method,
            message.RequestUri!,
            body.Text,
            body.Json,
            ReadRetryAfter(response, _settings.TimeProvider.GetUtcNow()));
        return Errors.Map(error);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<T> ReadJsonAsync<T>(HttpRequestMessage message, HttpResponseMessage response, JsonTypeInfo<T> responseType, Func<T, bool>? isErrorBody, CancellationToken cancellationToken)
    {
        if (!JsonMediaType.Is(response.Content.Headers))
        {
            var body = await ResponseBodyReader.ReadMaskedAsync(response.Content, _settings.Secrets, cancellationToken).ConfigureAwait(false);
            throw Errors.Malformed(Failure(message, response, body), $"expected JSON but got {response.Content.Headers.ContentType}", null);
        }

        if (response.Content.Headers.ContentLength > _settings.MaxResponseContentBytes)
        {
            throw Errors.Malformed(Failure(message, response, MaskedBody.Empty), $"the body has {response.Content.Headers.ContentLength} bytes, more than the {_settings.MaxResponseContentBytes}-byte limit (MaxResponseContentBytes)", null);
        }

        var capture = new PrefixCaptureStream(await ResponseBodyReader.OpenAsync(response.Content, _settings.MaxResponseContentBytes, cancellationToken).ConfigureAwait(false), ResponseBodyReader.MaskedBytes);
        await using (capture.ConfigureAwait(false))
        {
            T? value;
            try
            {
                value = await JsonSerializer.DeserializeAsync(capture, responseType, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is JsonException or IOException or HttpRequestException)
            {
                var body = ResponseBodyReader.MaskBody(capture.Prefix, capture.PrefixIsWhole, _settings.Secrets);
                var problem = exception is JsonException ? $"the JSON is invalid or does not have the expected shape ({exception.Message})" : ReadProblem(exception);
                throw Errors.Malformed(Failure(message, response, body), problem, exception);
            }

            if (value is null)
            {
                throw Errors.Malformed(Failure(message, response, ResponseBodyReader.MaskBody("null"u8, true, null)), "the body is JSON null", null);
            }

            if (isErrorBody is not null && isErrorBody(value))
            {
                throw Errors.Map(Failure(message, response, ResponseBodyReader.MaskBody(capture.Prefix, capture.PrefixIsWhole, _settings.Secrets)));
            }

            return value;
        }
    }
}
