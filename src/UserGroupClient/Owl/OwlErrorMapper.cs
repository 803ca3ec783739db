using System.Globalization;
using System.Text.Json;
using UserGroupClient.Http;

namespace UserGroupClient.Owl;

/// <summary>
/// Reads Owl's errors (docs/wire/owl.md §3–§5): the envelope <c>{"code","message"}</c> on HTTP 200, the same body on the
/// real 400/401/403/404 of malformed JSON and the authentication middleware, and the host-group delete refusal that
/// carries <c>code</c> 200. The envelope's <c>code</c> decides; the HTTP status only when there is no <c>code</c>.
/// </summary>
internal sealed class OwlErrorMapper : ApiErrorMapper
{
    public static readonly OwlErrorMapper Instance = new();

    public override string Dialect => "Owl";

    public override UserGroupApiException Map(ApiErrorResponse response)
    {
        var message = response.GetString("message");
        int? code = response.Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("code", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : null;
        var errorCode = code?.ToString(CultureInfo.InvariantCulture);
        var effective = code ?? (int)response.StatusCode;
        var text = $"{Dialect}: {message ?? $"HTTP {(int)response.StatusCode}"}";

        if (code is null && message is null)
        {
            return ByStatus(response, $"HTTP {(int)response.StatusCode} {response.StatusCode}", null);
        }

        if (OwlEnvelope.IsDeleteRefusal(message))
        {
            return Fill(new UserGroupNotEmptyException($"{text}; remove its hosts first"), response, errorCode, message);
        }

        UserGroupApiException exception = effective switch
        {
            400 when Contains(message, "already exists") => new UserGroupConflictException(text),
            400 or 304 => new UserGroupValidationException(text),
            401 => new UserGroupAuthenticationException(text),
            403 => new UserGroupPermissionException(text),
            404 => new UserGroupNotFoundException(text),
            409 => new UserGroupConflictException(text),
            429 => new UserGroupRateLimitedException(text) { RetryAfter = response.RetryAfter },
            500 when Contains(message, "Duplicate entry") => new UserGroupConflictException(text),
            _ => new UserGroupApiException(text),
        };
        return Fill(exception, response, errorCode, message);
    }

    private static bool Contains(string? message, string value) =>
        message is not null && message.Contains(value, StringComparison.OrdinalIgnoreCase);
}
