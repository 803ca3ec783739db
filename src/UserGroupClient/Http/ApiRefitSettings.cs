using System.Text.Json.Serialization;
using Refit;

namespace UserGroupClient.Http;

/// <summary>
/// The Refit settings of every interface a client serves, the SDK's own and a caller's (<c>CreateApi</c>): JSON through
/// a source-generated context only (<see cref="BufferedJsonSerializer"/>), path and query values checked by <see cref="SafeUrlParameterFormatter"/>, and
/// Refit's exception factories producing the SDK's exception family through the dialect's <see cref="ApiErrorMapper"/>.
/// </summary>
internal static class ApiRefitSettings
{
    /// <summary>Settings for interfaces whose types <paramref name="json"/> describes; every request carries <paramref name="requestOptions"/>.</summary>
    public static RefitSettings Create(JsonSerializerContext json, ApiErrorMapper errors, KnownSecrets secrets, Dictionary<string, object>? requestOptions = null)
    {
        var settings = new RefitSettings(new BufferedJsonSerializer(json)) { HttpRequestMessageOptions = requestOptions };
        settings.UrlParameterFormatter = SafeUrlParameterFormatter.Instance;

        // A body in a byte array, with its length: it can be signed, and sent again by a retry.
        settings.RequestBodySerialization = RequestBodySerializationMode.Buffered;

        // Refit's client sends straight to the call handler (ApiConnection), which has read and mapped every failed
        // answer: what it found waits in the request's options, and a success has nothing there.
        settings.ExceptionFactory = static response => ValueTask.FromResult<Exception?>(CallHandler.FailureOf(response.RequestMessage));
        settings.DeserializationExceptionFactory = (response, exception) => MalformedAsync(response, exception, errors, secrets);

        // The call handler already turned transport failures into the SDK's exceptions, and a caller's cancellation
        // stays an OperationCanceledException.
        settings.TransportExceptionFactory = static (_, exception, _) => exception;
        return settings;
    }

    private static async ValueTask<Exception?> MalformedAsync(HttpResponseMessage response, Exception exception, ApiErrorMapper errors, KnownSecrets secrets)
    {
        if (exception is UserGroupApiException or TimeoutException or OperationCanceledException || response.RequestMessage is not { } request)
        {
            return exception;
        }

        // The call handler buffered the body, so reading it again costs no network.
        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        var body = ResponseBodyReader.MaskBody(bytes.AsSpan(0, Math.Min(bytes.Length, ResponseBodyReader.MaskedBytes)), bytes.Length <= ResponseBodyReader.MaskedBytes, secrets);
        var failure = CallHandler.Failure(request, response, body);
        UserGroupApiException mapped;
        if (exception is BodyErrorException)
        {
            mapped = errors.Map(failure);
        }
        else
        {
            var problem = JsonMediaType.Is(response.Content.Headers)
                ? $"the JSON is invalid or does not have the expected shape ({exception.Message})"
                : $"expected JSON but got {response.Content.Headers.ContentType}";
            mapped = errors.Malformed(failure, problem, exception);
        }

        // Refit raises nothing for a method that returns an ApiResponse, and keeps only exceptions of its own type in
        // it: the caller finds this one on the request (CallHandler.FailureOf), as it finds a failed call's.
        CallHandler.Record(request, mapped);
        return mapped;
    }
}
