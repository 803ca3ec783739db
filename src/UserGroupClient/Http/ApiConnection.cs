using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Refit;

namespace UserGroupClient.Http;

/// <summary>
/// One handler chain of a client and what its Refit interfaces need from it: an HttpClient whose first handler is the
/// <see cref="CallHandler"/> (bound, body, errors, log), the dialect's error mapper, the client's secrets, and the
/// parsing of streamed pages. Thread-safe; a client has one for its API calls and one for its credential exchanges.
/// </summary>
internal sealed class ApiConnection : IDisposable
{
    private readonly HttpMessageInvoker _pipeline;
    private readonly CallHandler _calls;
    private readonly HttpClient _http;
    private readonly ApiConnectionSettings _settings;

    /// <summary>Creates the connection, which owns <paramref name="chain"/> from then on.</summary>
    /// <param name="chain">The handler chain ending in the transport.</param>
    /// <param name="baseAddress">The server's base address; a missing trailing slash is added so a path prefix is kept.</param>
    /// <param name="errors">The dialect's error mapper.</param>
    /// <param name="settings">Timeout, size limit, clock and logger.</param>
    public ApiConnection(HttpMessageHandler chain, Uri baseAddress, ApiErrorMapper errors, ApiConnectionSettings settings)
    {
        // Stryker disable once Boolean : the call handler's HttpClient disposes the chain too (below), and a handler disposed a second time does nothing more
        _pipeline = new HttpMessageInvoker(chain, disposeHandler: false);
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

        // A caller's method requires a body only when it says so (UserGroupRequestProperties.BodyRequired).
        var settings = ApiRefitSettings.Create(json, Errors, _settings.Secrets, new() { [ApiRequestOptions.BodyOptional] = true });
        return RestService.ForGenerated<TApi>(client, settings);
    }

    /// <summary>
    /// Asks for a page with <paramref name="fetch"/>, a Refit method that returns it as a <see cref="Stream"/>, and parses
    /// it as it arrives (see <see cref="StreamedJson"/>). A page whose body breaks off in transit is asked for again as
    /// the client's resilience retries a request (none of it has been handed out yet); without the SDK's resilience it
    /// fails at once.
    /// </summary>
    public Task<T> ReadAsync<T>(Func<CancellationToken, Task<Stream>> fetch, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        _settings.PageRetry.ExecuteAsync(
            static async (state, ct) =>
            {
                var (connection, fetch, type) = state;
                var page = await fetch(ct).ConfigureAwait(false);
                return await StreamedJson.ReadAsync(page, type, connection.Errors, connection.Secrets, ct).ConfigureAwait(false);
            },
            (this, fetch, type),
            cancellationToken).AsTask();

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        _pipeline.Dispose();
    }

    // The SDK's own timeouts govern (the call handler's), never HttpClient's 100 s default.
    private HttpClient Client(bool disposeHandler) =>
        new(_calls, disposeHandler) { BaseAddress = BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
}
