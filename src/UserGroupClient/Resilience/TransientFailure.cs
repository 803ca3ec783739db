using Polly;
using UserGroupClient.Http;

namespace UserGroupClient.Resilience;

/// <summary>
/// Puts an attempt's outcome to the dialect's one transient classifier (<see cref="ApiErrorMapper.IsTransient"/>), and
/// says which requests may safely be sent again. The SDK's own pipeline asks it, and so does a pipeline of the
/// application's through <see cref="UserGroupResiliencePredicates"/>.
/// </summary>
internal static class TransientFailure
{
    /// <summary>
    /// The cheap first look, which reads no body: a connection failure or an attempt timeout, or a status that may be
    /// transient (408, 429, 5xx). A 401 is not: the auth handler owns it. A success is never.
    /// </summary>
    public static bool MayBeTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: { } exception } => ApiErrorMapper.IsTransient(exception),
        { Result: { } response } => ApiErrorMapper.IsTransientStatus(response.StatusCode),
        _ => false,
    };

    /// <summary>
    /// The whole verdict: an answer whose status may be transient is read and mapped as the dialect maps any failure,
    /// and the classifier judges the exception it would raise, so a 500 that carries a business error (Kylin's
    /// "already exists", "Access is denied") is final, exactly as create recovery sees it. Without a dialect
    /// (<paramref name="errors"/> <see langword="null"/>) the first look is the verdict.
    /// </summary>
    public static async ValueTask<bool> IsTransientAsync(Outcome<HttpResponseMessage> outcome, ApiErrorMapper? errors, CancellationToken cancellationToken)
    {
        if (!MayBeTransient(outcome))
        {
            return false;
        }

        // A body that cannot be read or decoded, or is too large to look at, is no business error.
        return outcome.Result is not { } response
            || errors is null
            || await errors.PeekAsync(response, cancellationToken).ConfigureAwait(false) is not { } error
            || ApiErrorMapper.IsTransient(error);
    }

    /// <summary>
    /// Whether a streamed page failed because its body broke off in transit (the connection closed or reset before the
    /// end): the server answered with success (an error answer's body is read leniently, so its exception never holds
    /// a read failure), and nothing of the page was handed out (a page is parsed whole before any of its items is), so
    /// the page may be asked for again. A request that got no answer was already retried by its own attempts; a body
    /// larger than the client reads, or one that arrived whole but is not the expected JSON, is final.
    /// </summary>
    public static bool IsCutOffPage(Exception exception) =>
        exception is UserGroupApiException { StatusCode: not null, InnerException: IOException and not ResponseTooLargeException or HttpRequestException };

    /// <summary>
    /// Whether the retry sends <paramref name="request"/> again after <paramref name="outcome"/>: a transient failure
    /// of a request that may be resent (<see cref="MayResend"/>). Every outcome passes through here, successes too:
    /// the cheap status check comes first, so a success touches neither the request's options nor the body.
    /// </summary>
    public static ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, ApiErrorMapper? errors, CancellationToken cancellationToken) =>
        MayBeTransient(outcome) && request is not null && MayResend(request)
            ? IsTransientAsync(outcome, errors, cancellationToken)
            : new ValueTask<bool>(false);

    /// <summary>
    /// An idempotent method (<see cref="IsIdempotent"/>), not marked <see cref="ApiRequestOptions.CreatesResource"/>
    /// (Owl creates with PUT), and a body that can be sent a second time.
    /// </summary>
    public static bool MayResend(HttpRequestMessage request) =>
        IsIdempotent(request.Method)
        && !ApiRequestOptions.Has(request, ApiRequestOptions.CreatesResourceKey)
        && HttpRequestCloner.CanClone(request);

    /// <summary>
    /// GET, HEAD, OPTIONS, PUT and DELETE can be sent twice without a second effect. POST and PATCH cannot: a create
    /// that failed in transit is recovered by the facade looking the group up (<see cref="CreateRecovery"/>), never by
    /// blind resending.
    /// </summary>
    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Put || method == HttpMethod.Delete;
}
