using System.Net;
using UserGroupClient.Http;

namespace UserGroupClient.Resilience;

/// <summary>
/// A DELETE is resent only after an attempt failed in transit, which may have deleted the resource already: a "not
/// found" on the resend is then the effect of the caller's own delete, not a missing resource. The dialect's mapper
/// says what "not found" is: a 404, Kylin's HTTP 500 "group … does not exists", or Owl's HTTP 200 with code 404.
/// The answer that replaces it is an empty 204, which every dialect's delete takes for success.
/// </summary>
internal static class ResentDelete
{
    /// <summary>
    /// <paramref name="response"/>, the answer to a resent <paramref name="request"/>, or the empty 204 that replaces
    /// it (and disposes it) when the request is a DELETE and the answer says "not found".
    /// </summary>
    public static async ValueTask<HttpResponseMessage> AnswerAsync(HttpRequestMessage request, HttpResponseMessage response, ApiErrorMapper errors, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Delete
            || (response.StatusCode != HttpStatusCode.NotFound
                && await errors.PeekAsync(response, cancellationToken).ConfigureAwait(false) is not UserGroupNotFoundException))
        {
            return response;
        }

        response.Dispose();
        // Stryker disable once Initializer : the call handler sets every answer's RequestMessage to its request anyway
        return new HttpResponseMessage(HttpStatusCode.NoContent) { RequestMessage = request };
    }
}
