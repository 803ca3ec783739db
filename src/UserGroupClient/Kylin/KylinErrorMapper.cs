using System.Net;
using UserGroupClient.Http;

namespace UserGroupClient.Kylin;

/// <summary>
/// Reads Kylin's error envelope (<c>{"code": "999", "msg": …, "exception": …, "stacktrace": …}</c>, docs/wire/kylin.md §2).
/// Kylin answers nearly every business error with HTTP 500 (or, rarely, a 200 whose <c>code</c> is not <c>"000"</c>),
/// so the exception type comes from the message the server wrote, and only then from the status.
/// A 401 is an authentication error whatever its body (a JSON envelope, or a servlet container's HTML page).
/// </summary>
internal sealed class KylinErrorMapper : ApiErrorMapper
{
    public static readonly KylinErrorMapper Instance = new();

    public override string Dialect => "Kylin";

    public override UserGroupApiException Map(ApiErrorResponse response)
    {
        var code = response.GetString("code");
        var message = response.GetString("msg") ?? response.GetString("exception");
        var status = response.StatusCode;
        if (status == HttpStatusCode.Unauthorized)
        {
            return Build(new UserGroupAuthenticationException(Text(message ?? "the credentials were refused (HTTP 401)")), response, code, message);
        }

        if ((int)status is >= 300 and < 400)
        {
            return ByStatus(response, $"the server redirected ({(int)status}); redirects are not followed, check the base address", code);
        }

        if (message is null)
        {
            return response.Json is null
                ? ByStatus(response, $"HTTP {(int)status} with a body that is not Kylin's JSON envelope", code)
                : ByStatus(response, $"HTTP {(int)status} with code {code ?? "(none)"}", code);
        }

        UserGroupApiException? exception = Classify(message, status) switch
        {
            KylinFailure.Conflict => new UserGroupConflictException(Text(message)),
            KylinFailure.NotFound => new UserGroupNotFoundException(Text(message)),
            KylinFailure.Permission => new UserGroupPermissionException(Text(message)),
            KylinFailure.BuiltIn => new UserGroupValidationException(Text(message)) { FieldErrors = new Dictionary<string, IReadOnlyList<string>> { ["groupName"] = [message] } },
            KylinFailure.Locked => new UserGroupAuthenticationException(Text(message)),
            _ => null,
        };
        return exception is null ? ByStatus(response, message, code) : Build(exception, response, code, message);
    }

    // The texts come from the server's own exceptions (UserGroup.add/delete, KylinUserService, Spring Security's
    // AccessDeniedException, LimitLoginAuthenticationProvider); Accept-Language: en keeps them in English.
    private static KylinFailure Classify(string message, HttpStatusCode status)
    {
        if (message.Contains("already exists", StringComparison.OrdinalIgnoreCase))
        {
            return KylinFailure.Conflict;
        }

        if (message.Contains("does not exist", StringComparison.OrdinalIgnoreCase)
            || (message.StartsWith("User '", StringComparison.Ordinal) && message.EndsWith("not found.", StringComparison.OrdinalIgnoreCase)))
        {
            return KylinFailure.NotFound;
        }

        if (message.Contains("Access is denied", StringComparison.OrdinalIgnoreCase))
        {
            return KylinFailure.Permission;
        }

        if (message.StartsWith("Can not delete group", StringComparison.OrdinalIgnoreCase))
        {
            return KylinFailure.BuiltIn;
        }

        return status == HttpStatusCode.BadRequest && message.Contains("is locked", StringComparison.OrdinalIgnoreCase)
            ? KylinFailure.Locked
            : KylinFailure.Other;
    }

    private string Text(string message) => $"{Dialect}: {message}";

    private T Build<T>(T exception, ApiErrorResponse response, string? code, string? message)
        where T : UserGroupApiException => Fill(exception, response, code, message);

    private enum KylinFailure
    {
        Other,
        Conflict,
        NotFound,
        Permission,
        BuiltIn,
        Locked,
    }
}
