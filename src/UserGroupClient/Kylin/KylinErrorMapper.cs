using System.Net;
using UserGroupClient.Http;

namespace UserGroupClient.Kylin;

/// <summary>
/// Reads the error answers of every Kylin flavor (docs/wire/kylin.md §2, §11.4, §12.3): the envelope <c>{"code": "999", "msg": …,
/// "exception": …, "stacktrace": …}</c> of KAP 3.x and Apache Kylin, and the same envelope whose <c>msg</c> starts with a
/// <c>KE-…</c> code (plus <c>error_code</c> and <c>suggestion</c> on Kylin 5) of Kylin 5 and Kyligence Enterprise 4.x.
/// Kylin answers nearly every business error with HTTP 500 (or, rarely, a 200 whose <c>code</c> is not <c>"000"</c>),
/// so the exception type comes from the server's code or message, and only then from the status. A 401 is an
/// authentication error whatever its body (a JSON envelope, or a servlet container's HTML page). Answers that show the
/// request reached a server of another flavor are <see cref="UserGroupUnsupportedServerException"/>
/// (<see cref="KylinUnsupportedServer"/>). <see cref="UserGroupApiException.ErrorCode"/> is the <c>KE-…</c> code when
/// there is one, otherwise the envelope's <c>code</c>.
/// </summary>
internal sealed class KylinErrorMapper : ApiErrorMapper
{
    public static readonly KylinErrorMapper Instance = new();

    public override string Dialect => "Kylin";

    public override UserGroupApiException Map(ApiErrorResponse response)
    {
        var message = response.GetString("msg") ?? response.GetString("exception");
        var reason = KylinErrorCode.Parse(message);
        var code = response.GetString("error_code") ?? reason.Code ?? response.GetString("code");
        var status = response.StatusCode;
        if (status == HttpStatusCode.Unauthorized)
        {
            return Build(new UserGroupAuthenticationException(Text(message ?? "the credentials were refused (HTTP 401)")), response, code, message);
        }

        if (KylinUnsupportedServer.Describe(response) is { } unsupported)
        {
            var serverMessage = message ?? response.GetString("message") ?? response.GetString("error");
            return Build(new UserGroupUnsupportedServerException(Text(unsupported)), response, code, serverMessage);
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

        UserGroupApiException? exception = Classify(code, reason.Text, status) switch
        {
            KylinFailure.Conflict => new UserGroupConflictException(Text(message)),
            KylinFailure.NotFound => new UserGroupNotFoundException(Text(message)),
            KylinFailure.Permission => new UserGroupPermissionException(Text(message)),
            KylinFailure.BuiltIn => new UserGroupValidationException(Text(message)) { FieldErrors = new Dictionary<string, IReadOnlyList<string>> { ["groupName"] = [message] } },
            KylinFailure.Refused => new UserGroupValidationException(Text(message)) { FieldErrors = new Dictionary<string, IReadOnlyList<string>> { ["non_field_errors"] = [message] } },
            KylinFailure.Locked => new UserGroupAuthenticationException(Text(message)),
            _ => null,
        };
        return exception is null ? ByStatus(response, message, code) : Build(exception, response, code, message);
    }

    // Kylin 5 and Kyligence Enterprise 4.x name the failure by code; KAP and Apache Kylin only in the text of the
    // server's own exceptions (UserGroup.add/delete, KylinUserService, Spring Security's AccessDeniedException,
    // LimitLoginAuthenticationProvider), which Accept-Language: en keeps in English.
    private static KylinFailure Classify(string? code, string text, HttpStatusCode status) => code switch
    {
        KylinErrorCode.DuplicateGroup => KylinFailure.Conflict,
        KylinErrorCode.GroupNotFound => KylinFailure.NotFound,
        KylinErrorCode.InvalidParameter when text.Contains("exist", StringComparison.OrdinalIgnoreCase) => KylinFailure.NotFound,
        KylinErrorCode.InvalidGroupName => text.Contains("cannot be deleted", StringComparison.OrdinalIgnoreCase) ? KylinFailure.BuiltIn : KylinFailure.Refused,
        KylinErrorCode.EmptyGroupName or KylinErrorCode.EmptyParameter or KylinErrorCode.AdminOrAllUsersChange or KylinErrorCode.InvalidObject => KylinFailure.Refused,
        KylinErrorCode.AccessDenied => KylinFailure.Permission,
        KylinErrorCode.UserLocked => KylinFailure.Locked,
        _ => ClassifyText(text, status),
    };

    private static KylinFailure ClassifyText(string message, HttpStatusCode status)
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

        if (message.Contains("must have at least one user", StringComparison.OrdinalIgnoreCase))
        {
            return KylinFailure.Refused;
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
        Refused,
        Locked,
    }
}
