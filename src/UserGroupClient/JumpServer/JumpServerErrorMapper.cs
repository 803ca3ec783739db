using System.Net;
using System.Text.Json;
using UserGroupClient.Http;

namespace UserGroupClient.JumpServer;

/// <summary>
/// Reads JumpServer's error shapes (docs/wire/jumpserver.md §5): <c>{"detail","code"}</c>, DRF validation objects and
/// arrays, the empty 400 of a refused bulk or relation delete, <c>{"error","msg"}</c> and <c>{"error"}</c>. Decisions
/// rest on the status, <c>code</c> and field names; message text is localized and only shown.
/// </summary>
internal sealed class JumpServerErrorMapper : ApiErrorMapper
{
    public static readonly JumpServerErrorMapper Instance = new();

    public override string Dialect => "JumpServer";

    public override UserGroupApiException Map(ApiErrorResponse response)
    {
        var status = response.StatusCode;
        if ((int)status is >= 300 and < 400)
        {
            return ByStatus(response, $"the server redirected ({(int)status}); every JumpServer path must end with '/' and redirects are not followed", null);
        }

        if (response.Json is not { } json)
        {
            return status == HttpStatusCode.BadRequest && response.Body.Length == 0
                ? ByStatus(response, "the server refused the operation with an empty 400: a bulk delete whose filter matches every group, or a relation delete that does not match exactly one row", null)
                : ByStatus(response, $"HTTP {(int)status} {response.StatusCode}", null);
        }

        if (json.ValueKind == JsonValueKind.Object && response.GetString("detail") is { } detail)
        {
            return ByStatus(response, detail, response.GetString("code"));
        }

        if (json.ValueKind == JsonValueKind.Object && response.GetString("error") is { } error)
        {
            return ByStatus(response, response.GetString("msg") ?? error, error);
        }

        var fieldErrors = ReadFieldErrors(json);
        var summary = string.Join("; ", fieldErrors.Select(f => $"{f.Key}: {string.Join(" ", f.Value)}"));
        if (status == HttpStatusCode.BadRequest && IsUniquenessError(fieldErrors))
        {
            return Fill(new UserGroupConflictException($"{Dialect}: {summary}"), response, "unique", summary);
        }

        return ByStatus(response, summary.Length > 0 ? summary : $"HTTP {(int)status}", null, fieldErrors);
    }

    // DRF sends no error code for a failed unique validator, so the (possibly localized) text is the only signal:
    // "This field must be unique." (v3.10–v4.0), "Field must be unique" (v4.10.19+), "字段必须唯一" (zh).
    private static bool IsUniquenessError(Dictionary<string, IReadOnlyList<string>> fieldErrors) =>
        fieldErrors.TryGetValue("name", out var messages)
        && messages.Any(m => m.Contains("unique", StringComparison.OrdinalIgnoreCase) || m.Contains("唯一", StringComparison.Ordinal));
}
