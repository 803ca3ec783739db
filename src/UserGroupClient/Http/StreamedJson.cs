using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace UserGroupClient.Http;

/// <summary>
/// Parses a page as it arrives: the <see cref="ResponseStream"/> that a Refit method returning <see cref="Stream"/>
/// gives for a request marked <see cref="ApiRequestOptions.StreamedResponse"/>. A body that is not JSON, cannot be
/// read or parsed, or is JSON <c>null</c> becomes the dialect's malformed-answer exception, with its request and the
/// start of the body, masked; a body whose envelope reports an error (<see cref="BodyErrorException"/>) goes to the
/// dialect's mapper, as the deserialization exception factory does it for other bodies.
/// </summary>
internal static class StreamedJson
{
    /// <summary>Reads and disposes <paramref name="stream"/>.</summary>
    /// <param name="stream">What the Refit method returned.</param>
    /// <param name="type">The page's source-generated contract.</param>
    /// <param name="errors">The dialect's error mapper.</param>
    /// <param name="secrets">The client's secrets, masked in the body an exception shows.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public static async Task<T> ReadAsync<T>(Stream stream, JsonTypeInfo<T> type, ApiErrorMapper errors, KnownSecrets secrets, CancellationToken cancellationToken)
    {
        await using (stream.ConfigureAwait(false))
        {
            if (stream is not ResponseStream body)
            {
                throw new InvalidOperationException("The request was not marked as streamed (ApiRequestOptions.StreamedResponse).");
            }

            if (!JsonMediaType.Is(body.ContentHeaders))
            {
                var shown = await ResponseBodyReader.ReadMaskedAsync(new StreamContent(body), secrets, cancellationToken).ConfigureAwait(false);
                throw errors.Malformed(Failure(body, shown), $"expected JSON but got {body.ContentHeaders.ContentType}", null);
            }

            T? value;
            try
            {
                value = await JsonSerializer.DeserializeAsync(body, type, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception) when (body.TimedOut)
            {
                throw CallHandler.TimedOut(errors.Dialect, body.Request, body.Bound, exception);
            }
            catch (BodyErrorException)
            {
                // The page's envelope reports an error (a vendor's 200 with an error code): the dialect's mapper reads it.
                throw errors.Map(Failure(body, ResponseBodyReader.MaskBody(body.Prefix, body.PrefixIsWhole, secrets)));
            }
            catch (Exception exception) when (exception is JsonException or IOException or HttpRequestException)
            {
                var problem = exception is JsonException ? $"the JSON is invalid or does not have the expected shape ({exception.Message})" : CallHandler.ReadProblem(exception);
                throw errors.Malformed(Failure(body, ResponseBodyReader.MaskBody(body.Prefix, body.PrefixIsWhole, secrets)), problem, exception);
            }

            return value ?? throw errors.Malformed(Failure(body, ResponseBodyReader.MaskBody("null"u8, true, null)), "the body is JSON null", null);
        }
    }

    private static ApiErrorResponse Failure(ResponseStream body, MaskedBody shown) =>
        new(body.StatusCode, body.Request.Method.Method, body.Request.RequestUri!, shown.Text, shown.Json, null);
}
