using System.Runtime.CompilerServices;

namespace UserGroupClient.Http;

/// <summary>
/// Reads a success body whole, within the size limit, into its response (<see cref="ContentBuffer"/>). The attempt
/// handlers read it inside each attempt, so that a body cut off in transit fails that attempt and the retry sends an
/// idempotent request again, as it does when no answer came; the call handler reads what no attempt handler read
/// (resilience off).
/// </summary>
internal sealed class SuccessBody
{
    private const string ContentLengthHeader = "Content-Length";

    private readonly long _maxBytes;
    private readonly KnownSecrets _secrets;
    private readonly ApiErrorMapper _errors;

    /// <param name="maxBytes">The largest body read, counted after decoding.</param>
    /// <param name="secrets">The client's secrets, masked in the start of a body an exception shows.</param>
    /// <param name="errors">The dialect's error mapper.</param>
    public SuccessBody(long maxBytes, KnownSecrets secrets, ApiErrorMapper errors)
    {
        _maxBytes = maxBytes;
        _secrets = secrets;
        _errors = errors;
    }

    /// <summary>
    /// The length the server announced, read once: each typed read of a header takes a lock inside HttpHeaders, and a
    /// length that an in-memory content would compute (no header) was announced by no one.
    /// </summary>
    public static long? AnnouncedLength(HttpResponseMessage response) =>
        response.Content.Headers.NonValidated.Contains(ContentLengthHeader) ? response.Content.Headers.ContentLength : null;

    /// <summary>
    /// Reads the body of one attempt's answer: a success that is not a page parsed as it arrives
    /// (<see cref="ApiRequestOptions.StreamedResponse"/>) and not announced past the limit (the call handler refuses
    /// those unread). Anything else is left as it is.
    /// </summary>
    /// <exception cref="UserGroupApiException">As <see cref="ReadAsync"/>.</exception>
    public ValueTask<ArraySegment<byte>> ReadInAttemptAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode || ApiRequestOptions.Has(request, ApiRequestOptions.StreamedResponseKey) || AnnouncedLength(response) is var announced && announced > _maxBytes)
        {
            return default;
        }

        return ReadAsync(request, response, announced, cancellationToken);
    }

    /// <summary>Replaces <paramref name="response"/>'s content with its bytes, read whole, and returns them.</summary>
    /// <param name="request">The request answered.</param>
    /// <param name="response">Its answer.</param>
    /// <param name="announcedLength">From <see cref="AnnouncedLength"/>: only a hint for the first buffer's size.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="UserGroupApiException">
    /// The body could not be read to its end (transient: <see cref="ApiErrorMapper.IsTransient"/>), or is larger than
    /// the limit (final). The response is disposed; the exception shows the start of the bytes read, masked.
    /// </exception>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ArraySegment<byte>> ReadAsync(HttpRequestMessage request, HttpResponseMessage response, long? announcedLength, CancellationToken cancellationToken)
    {
        try
        {
            return await ContentBuffer.LoadAsync(response, announcedLength, _maxBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            // The bytes read until the failure replaced the body: the exception shows their start.
            var bytes = ((ContentBuffer.PooledContent)response.Content).Bytes;
            var shown = ResponseBodyReader.MaskBody(bytes.AsSpan(0, Math.Min(bytes.Count, ResponseBodyReader.MaskedBytes)), complete: false, _secrets);
            var error = _errors.Malformed(CallHandler.Failure(request, response, shown), CallHandler.ReadProblem(exception), exception);
            // Stryker disable once Statement : the content is ContentBuffer's pooled copy of the bytes read; undisposed, its array goes to the garbage collector instead of back to the pool, and nothing a caller or server sees changes
            response.Dispose();
            throw error;
        }
    }
}
