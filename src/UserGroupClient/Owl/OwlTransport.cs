using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using UserGroupClient.Http;

namespace UserGroupClient.Owl;

/// <summary>Sends through the envelope check, so that a 200 whose <c>code</c> is not 200 reaches the error mapper.</summary>
internal static class OwlTransport
{
    public static OwlJsonContext Json => OwlJsonContext.Default;

    public static Task<T> SendAsync<T>(ApiConnection connection, ApiRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
        where T : OwlEnvelope =>
        connection.SendAsync(request, responseType, OwlEnvelope.IsError, cancellationToken);

    public static Task<OwlEnvelope> SendAsync(ApiConnection connection, ApiRequest request, CancellationToken cancellationToken) =>
        connection.SendAsync(request, Json.OwlEnvelope, OwlEnvelope.IsError, cancellationToken);

    /// <summary>
    /// Sends a DELETE: its answer is an envelope, or the empty 204 the SDK gives a resend that found the resource already
    /// deleted by the attempt whose answer was lost.
    /// </summary>
    public static Task SendDeleteAsync(ApiConnection connection, ApiRequest request, CancellationToken cancellationToken) =>
        connection.SendAllowingEmptyAsync(request, Json.OwlEnvelope, OwlEnvelope.IsError, cancellationToken);

    public static ApiRequest Request(HttpMethod method, string path) =>
        new ApiRequest(method, path).WithHeader("Accept", "application/json");

    public static string Path(string collection, int id) =>
        collection + "/" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A success answer that lacks the payload it must carry is unreadable, not an empty result.</summary>
    public static T Require<T>(ApiConnection connection, T? value, string key, ApiRequest request)
        where T : class =>
        value ?? throw new UserGroupApiException($"Owl answered {request.Method} /{request.RelativeUri} with code 200 but without '{key}'.")
        {
            Dialect = connection.Errors.Dialect,
            RequestMethod = request.Method.Method,
            RequestUri = new Uri(connection.BaseAddress, request.RelativeUri),
        };
}
