using Polly;
using UserGroupClient.Http;

namespace UserGroupClient.Resilience;

/// <summary>
/// The SDK's own verdicts on an attempt, for a resilience pipeline of yours that replaces the SDK's
/// (<c>UseResilienceHandler</c> on the builder an <c>Add…Client</c> method returns): the very code the SDK's retry and
/// circuit breaker run. Set them as the <c>ShouldHandle</c> of your retry and circuit breaker strategies; the companion
/// package UserGroupClient.Http.Resilience sets them on Microsoft.Extensions.Http.Resilience's standard pipeline.
/// </summary>
/// <remarks>
/// An answer whose status may be transient is read the way the client's dialect reads its errors, so a business error
/// is final whatever status carries it (Kylin answers a duplicate name or a missing user with HTTP 500, Owl every error
/// with HTTP 200). The dialect is known for the requests of a client whose resilience handler the SDK placed; for any
/// other request the status or the exception alone decides.
/// </remarks>
public static class UserGroupResiliencePredicates
{
    // Stryker disable once String : the key is only ever read through this same field; its text collides with no other option
    private static readonly HttpRequestOptionsKey<ApiErrorMapper> DialectKey = new("UserGroupClient.Dialect");

    /// <summary>
    /// Whether to send the request again after <paramref name="outcome"/>: only for a transient failure (a connection
    /// failure, a timeout, 408, 429, a 5xx answer that is not one of the dialect's business errors, or a success body
    /// cut off in transit, which the attempt reads), and only for a request that may be resent: GET, HEAD, OPTIONS,
    /// PUT or DELETE, not marked <see cref="UserGroupRequestProperties.CreatesResource"/> (Owl creates with PUT), with
    /// a body that can be sent twice. A create is never resent: the facades recover a lost one by looking its name up.
    /// A 401 is left to the authentication handler.
    /// </summary>
    /// <param name="outcome">The attempt's answer or exception.</param>
    /// <param name="request">
    /// The request the attempt sent: with Microsoft.Extensions.Http.Resilience, <c>args.Context.GetRequestMessage()</c>.
    /// <see langword="null"/> when it is not known, which is never resent.
    /// </param>
    /// <param name="cancellationToken">Cancels reading the answer's body.</param>
    /// <returns><see langword="true"/> to retry.</returns>
    // Stryker disable once Conditional : TransientFailure.ShouldRetryAsync begins with the same MayBeTransient check, so "true ?" gives the same verdict
    public static ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, CancellationToken cancellationToken = default) =>
        TransientFailure.MayBeTransient(outcome)
            ? TransientFailure.ShouldRetryAsync(outcome, request, DialectOf(request, outcome), cancellationToken)
            : new ValueTask<bool>(false);

    /// <summary>
    /// Whether <paramref name="outcome"/> is a transient failure of the server, whatever the request's method: what a
    /// circuit breaker counts. A business error is not, nor a success, nor a 401.
    /// </summary>
    /// <param name="outcome">The attempt's answer or exception.</param>
    /// <param name="request">
    /// The request the attempt sent (<c>args.Context.GetRequestMessage()</c>), which tells the dialect; when
    /// <see langword="null"/>, the one the answer names.
    /// </param>
    /// <param name="cancellationToken">Cancels reading the answer's body.</param>
    /// <returns><see langword="true"/> for a transient failure.</returns>
    // Stryker disable once Conditional : TransientFailure.IsTransientAsync begins with the same MayBeTransient check, so "true ?" gives the same verdict
    public static ValueTask<bool> IsTransientFailureAsync(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, CancellationToken cancellationToken = default) =>
        TransientFailure.MayBeTransient(outcome)
            ? TransientFailure.IsTransientAsync(outcome, DialectOf(request, outcome), cancellationToken)
            : new ValueTask<bool>(false);

    /// <summary>Tells the predicates that <paramref name="request"/> is a call of a client whose dialect reads its errors with <paramref name="errors"/>.</summary>
    internal static void Mark(HttpRequestMessage request, ApiErrorMapper errors) => request.Options.Set(DialectKey, errors);

    private static ApiErrorMapper? DialectOf(HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome) =>
        request is not null && request.Options.TryGetValue(DialectKey, out var errors) ? errors
        : outcome.Result?.RequestMessage is { } answered && answered.Options.TryGetValue(DialectKey, out errors) ? errors
        : null;
}
