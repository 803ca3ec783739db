using System.Net;
using System.Text.Json;
using Polly.Timeout;

namespace UserGroupClient.Http;

/// <summary>
/// Turns a failed response into the right exception. Each dialect has exactly one subclass: it reads the vendor's
/// error shapes and picks the exception; this base maps by HTTP status and fills in the request facts.
/// </summary>
internal abstract class ApiErrorMapper
{
    /// <summary>The dialect's name, as exceptions report it.</summary>
    public abstract string Dialect { get; }

    /// <summary>Builds the exception for a failed response.</summary>
    public abstract UserGroupApiException Map(ApiErrorResponse response);

    /// <summary>
    /// The one answer, for the retries and for create recovery alike, to "may this failure have been lost in transit,
    /// so that another attempt could succeed?". The exception's type is the dialect's verdict on the answer
    /// (<see cref="Map"/>): a business error (not found, conflict, validation, authentication, permission, not empty)
    /// is final whatever its HTTP status, as Kylin reports a duplicate name with HTTP 500. Transient are: no answer
    /// (a connection failure), a timeout, a rate limit, 408 and 5xx answers the dialect could not read as a business
    /// error, and a success whose body was cut off (the server acted; only the result was lost), but not one larger
    /// than the client reads (<see cref="UserGroupClientOptions.MaxResponseContentBytes"/>): it would be as large again.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        HttpRequestException or TimeoutException or TimeoutRejectedException or UserGroupRateLimitedException => true,
        UserGroupApiException error when error.GetType() != typeof(UserGroupApiException) => false,
        UserGroupApiException { StatusCode: null, InnerException: HttpRequestException } => true,
        UserGroupApiException { StatusCode: { } status, InnerException: var inner } when (int)status is >= 200 and < 300 =>
            inner is JsonException or HttpRequestException or IOException and not ResponseTooLargeException,
        UserGroupApiException { StatusCode: { } status } => IsTransientStatus(status),
        _ => false,
    };

    /// <summary>Whether the status alone says "try again later": 408, 429 or 5xx.</summary>
    public static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>
    /// Maps a failed answer as <see cref="Map"/> does, without consuming it: the body is buffered (up to eight times what
    /// an exception keeps), so whoever handles the response still reads it whole. <see langword="null"/> when the body
    /// cannot be read or decoded, or is too large to be a vendor's error envelope.
    /// </summary>
    public async ValueTask<UserGroupApiException?> PeekAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArraySegment<byte> bytes;
        try
        {
            bytes = await ContentBuffer.LoadAsync(response, ResponseBodyReader.MaxBytes * 8L, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            return null;
        }

        // The whole buffered body is read, as the final error report reads it, so both see the same vendor error.
        var body = ResponseBodyReader.MaskBody(bytes, complete: true, secrets: null);
        var request = response.RequestMessage;
        return Map(new ApiErrorResponse(
            response.StatusCode, request?.Method.Method ?? "", request?.RequestUri ?? new Uri("http://localhost/"), body.Text, body.Json, null));
    }

    /// <summary>Builds the exception for a response that arrived but could not be read as the expected JSON.</summary>
    public UserGroupApiException Malformed(ApiErrorResponse response, string problem, Exception? innerException) =>
        Fill(new UserGroupApiException($"{Dialect} answered with a response the SDK could not read: {problem}.", innerException), response, null, null);

    /// <summary>Picks the exception type from the HTTP status alone.</summary>
    protected UserGroupApiException ByStatus(ApiErrorResponse response, string message, string? errorCode, IReadOnlyDictionary<string, IReadOnlyList<string>>? fieldErrors = null)
    {
        var text = $"{Dialect}: {message}";
        UserGroupApiException exception = response.StatusCode switch
        {
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => new UserGroupValidationException(text) { FieldErrors = fieldErrors ?? new Dictionary<string, IReadOnlyList<string>>() },
            HttpStatusCode.Unauthorized => new UserGroupAuthenticationException(text),
            HttpStatusCode.Forbidden => new UserGroupPermissionException(text),
            HttpStatusCode.NotFound => new UserGroupNotFoundException(text),
            HttpStatusCode.Conflict => new UserGroupConflictException(text),
            HttpStatusCode.TooManyRequests => new UserGroupRateLimitedException(text) { RetryAfter = response.RetryAfter },
            _ => new UserGroupApiException(text),
        };
        return Fill(exception, response, errorCode, message);
    }

    /// <summary>Copies the request and response facts into an exception built by a subclass.</summary>
    protected T Fill<T>(T exception, ApiErrorResponse response, string? errorCode, string? serverMessage)
        where T : UserGroupApiException
    {
        exception.With(Dialect, response, errorCode, serverMessage);
        return exception;
    }

    /// <summary>Collects DRF-style field errors: <c>{"field": ["message", …]}</c>, or a bare array as <c>non_field_errors</c>.</summary>
    protected static Dictionary<string, IReadOnlyList<string>> ReadFieldErrors(JsonElement json)
    {
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in json.EnumerateObject())
                {
                    errors[property.Name] = Messages(property.Value);
                }

                break;
            case JsonValueKind.Array:
                var flat = new List<string>();
                foreach (var item in json.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var (field, messages) in ReadFieldErrors(item))
                        {
                            errors[field] = [.. errors.GetValueOrDefault(field, []), .. messages];
                        }
                    }
                    else
                    {
                        flat.AddRange(Messages(item));
                    }
                }

                if (flat.Count > 0)
                {
                    errors["non_field_errors"] = flat;
                }

                break;
            case JsonValueKind.String:
                errors["non_field_errors"] = [json.GetString()!];
                break;
        }

        return errors;
    }

    private static List<string> Messages(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().SelectMany(Messages).ToList(),
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Object => value.EnumerateObject().SelectMany(p => Messages(p.Value).Select(m => $"{p.Name}: {m}")).ToList(),
        _ => [value.GetRawText()],
    };
}
