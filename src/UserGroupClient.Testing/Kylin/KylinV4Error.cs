using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.Kylin;

/// <summary>
/// A failure as Kylin 5 and KE 4 report it (docs/wire/kylin.md §12.3): a <c>KylinException</c> with its <c>KE-…</c>
/// code, or any other Java exception (<see cref="Code"/> <see langword="null"/>), which the message marks
/// <c>KE-000000001(UNKNOWN ERRORCODE)</c>. Old codes read <c>KE-…(description):text</c>, Kylin 5's new ones
/// <c>KE-…: text</c>.
/// </summary>
internal sealed record KylinV4Error(int Status, string? Code, string Text, bool NewStyle = false, string? ExceptionType = null)
{
    private const string KylinException = "org.apache.kylin.common.exception.KylinException";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["KE-010000003"] = "Invalid Parameter",
        ["KE-010003005"] = "User Locked",
        ["KE-010003006"] = "Failed Update User",
        ["KE-010003007"] = "User Unauthorized",
        ["KE-010003008"] = "Login Failed",
        ["KE-010004001"] = "Usergroup Not Exist",
        ["KE-010004002"] = "Empty Usergroup Name",
        ["KE-010004003"] = "Invalid Usergroup Name",
        ["KE-010004004"] = "Duplicate Group Name",
        ["KE-010024001"] = "No access",
        ["KE-010024002"] = "Permission Denied",
    };

    public static KylinV4Error Java(string exceptionType, string message, int status = StatusCodes.Status500InternalServerError) =>
        new(status, null, message, ExceptionType: exceptionType);

    /// <summary>The text of <c>msg</c>.</summary>
    public string Message => Code is null ? $"KE-000000001(UNKNOWN ERRORCODE): {Text}"
        : NewStyle ? $"{Code}: {Text}"
        : $"{Code}({Descriptions[Code]}):{Text}";

    /// <summary>Writes the <c>ErrorResponse</c>: Kylin 5 adds <c>suggestion</c> and <c>error_code</c>; the security entry point indents it.</summary>
    public Task WriteAsync(HttpContext context, KylinEmulatorFlavor flavor, string contentType, bool indented = false)
    {
        var body = new JsonObject
        {
            ["code"] = "999",
            ["data"] = null,
            ["msg"] = Message,
            ["stacktrace"] = KylinResponses.Trace(ExceptionType ?? KylinException, Code is null ? Text : Message, "org.apache.kylin.rest.controller.NUserGroupController"),
            ["exception"] = Code is null ? Text : Message,
            ["url"] = KylinResponses.Url(context),
        };
        if (flavor == KylinEmulatorFlavor.Kylin5)
        {
            body["suggestion"] = NewStyle ? string.Empty : null;
            body["error_code"] = Code;
        }

        return indented
            ? JsonResponse.WriteTextAsync(context.Response, Status, contentType, body.ToJsonString(Indented))
            : JsonResponse.WriteJsonAsync(context.Response, Status, body, contentType);
    }
}
