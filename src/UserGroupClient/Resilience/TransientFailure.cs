using System.Net;
using Polly;
using Polly.Timeout;

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
