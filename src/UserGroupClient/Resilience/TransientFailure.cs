using System.Net;
using Polly;
using Polly.Timeout;
using UserGroupClient.Http;

namespace UserGroupClient.Resilience;

/// <summary>Which outcomes are worth another attempt, and which requests may safely get one.</summary>
internal static class TransientFailure
{
    /// <summary>408, 429, 5xx, a connection failure or an attempt timeout. A 401 is not: the auth handler owns it.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => IsTransient(response.StatusCode),
        _ => false,
    };

    /// <summary>
    /// Like <see cref="IsTransient(Outcome{HttpResponseMessage})"/>, but a 5xx whose body the dialect reads as a business
    /// error (Kylin answers "already exists" or "not found" with HTTP 500) is final: retrying cannot change it.
    /// </summary>
    public static async ValueTask<bool> IsTransientAsync(Outcome<HttpResponseMessage> outcome, ApiErrorMapper errors, CancellationToken cancellationToken)
    {
        if (!IsTransient(outcome))
        {
            return false;
        }

        if (outcome.Result is not { } response || (int)response.StatusCode < 500)
        {
            return true;
        }

        byte[] bytes;
        try
        {
            // Buffered, so the caller still reads the whole body after this look; a body too large to look at is
            // no business error.
            await ContentBuffer.LoadAsync(response.Content, ResponseBodyReader.MaxBytes * 8L, cancellationToken).ConfigureAwait(false);
            bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return true;
        }

        var complete = bytes.Length <= ResponseBodyReader.MaxBytes;
        var body = ResponseBodyReader.Decode(bytes.AsSpan(0, Math.Min(bytes.Length, ResponseBodyReader.MaxBytes)), complete);
        var request = response.RequestMessage;
        var error = errors.Map(new ApiErrorResponse(
            response.StatusCode, request?.Method.Method ?? "", request?.RequestUri ?? new Uri("http://localhost/"), body, ResponseBodyReader.TryParseJson(body, complete), null));
        return error.GetType() == typeof(UserGroupApiException);
    }

    /// <summary>Whether the status says "try again later".</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>
    /// GET, HEAD, OPTIONS, PUT and DELETE can be sent twice without a second effect. POST and PATCH cannot: a create
    /// that failed in transit is recovered by the facade looking the group up, never by blind resending.
    /// </summary>
    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Put || method == HttpMethod.Delete;
}
