using System.Text.Json.Nodes;

namespace UserGroupClient.Testing.JumpServer;

/// <summary>The server's error answers (DRF exceptions through JumpServer's <c>common_exception_handler</c>).</summary>
internal static class ApiErrors
{
    // v3.10 to v4.10.13 put the Bearer authenticator first, so DRF answers 401 (not 403) with this challenge.
    private const string Challenge = "Bearer";

    public static ApiResult NotAuthenticated() =>
        ApiResult.Detail(401, "Authentication credentials were not provided.", "not_authenticated")
            .WithHeader("WWW-Authenticate", Challenge);

    public static ApiResult AuthenticationFailed(string detail) =>
        ApiResult.Detail(401, detail, "authentication_failed").WithHeader("WWW-Authenticate", Challenge);

    public static ApiResult PermissionDenied() =>
        ApiResult.Detail(403, "You do not have permission to perform this action.", "permission_denied");

    public static ApiResult MethodNotAllowed(string method) =>
        ApiResult.Detail(405, $"Method \"{method}\" not allowed.", "method_not_allowed");

    public static ApiResult UnsupportedMediaType(string mediaType) =>
        ApiResult.Detail(415, $"Unsupported media type \"{mediaType}\" in request.", "unsupported_media_type");

    public static ApiResult ParseError(string message) => ApiResult.Detail(400, "JSON parse error - " + message, "parse_error");

    /// <summary>A missing object. v3.10 words a malformed (non-UUID) id differently, as DRF's <c>get_object_or_404</c> does.</summary>
    public static ApiResult NotFound(JumpServerSettings settings, string model, bool malformedId = false) =>
        ApiResult.Detail(
            404,
            malformedId && !settings.IsV4 ? "Object object does not exist." : $"{model} object does not exist.",
            "object_does_not_exist");

    /// <summary>A validation error: the raw DRF error object or array, status 400.</summary>
    public static ApiResult Validation(JsonNode errors) => ApiResult.Json(400, errors);

    /// <summary><c>{"field": ["message"]}</c>.</summary>
    public static ApiResult FieldError(string field, string message) =>
        Validation(new JsonObject { [field] = new JsonArray(message) });

    /// <summary>DRF's bulk and relation delete refusal: 400 with an empty body.</summary>
    public static ApiResult EmptyBadRequest() => ApiResult.Empty(400);
}
