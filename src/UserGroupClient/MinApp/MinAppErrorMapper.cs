using System.Net;
using UserGroupClient.Http;

namespace UserGroupClient.MinApp;

/// <summary>
/// Reads MinApp's error bodies (docs/wire/minapp.md §5): no oserve error body is documented, so the message is the
/// first of <c>error_msg</c>, <c>message</c>, <c>detail</c>, <c>error_description</c>, <c>error</c>, else the start of the
/// raw body; bodies may be empty or HTML and never make the mapping fail. 400 is validation, 401 authentication,
/// 402 (application in arrears) and 403 permission, 404 not found, 429 rate limited, anything else the base type.
/// </summary>
internal sealed class MinAppErrorMapper : ApiErrorMapper
{
    public static readonly MinAppErrorMapper Instance = new();

    private const int MaxRawMessageLength = 200;

    public override string Dialect => "MinApp";

    public override UserGroupApiException Map(ApiErrorResponse response)
    {
        if ((int)response.StatusCode is >= 300 and < 400)
        {
            return ByStatus(response, $"the server redirected ({(int)response.StatusCode}); every MinApp path ends with '/' and API calls follow no redirects", null);
        }

        var message = ReadMessage(response);
        var code = response.GetString("error");
        return response.StatusCode == HttpStatusCode.PaymentRequired
            ? Fill(new UserGroupPermissionException($"{Dialect}: {message}"), response, code, message)
            : ByStatus(response, message, code);
    }

    /// <summary>Builds the authentication exception for a refused authorize or token request.</summary>
    public UserGroupAuthenticationException MapAuthenticationFailure(ApiErrorResponse response, string what)
    {
        var message = ReadMessage(response);
        return Fill(new UserGroupAuthenticationException($"{Dialect}: {what}: {message}"), response, response.GetString("error"), message);
    }

    private static string ReadMessage(ApiErrorResponse response)
    {
        foreach (var property in (ReadOnlySpan<string>)["error_msg", "message", "detail", "error_description", "error"])
        {
            if (response.GetString(property) is { Length: > 0 } text)
            {
                return text;
            }
        }

        var raw = response.Body.Trim();
        if (raw.Length > 0 && response.Json is null)
        {
            return raw.Length > MaxRawMessageLength ? raw[..MaxRawMessageLength] + "…" : raw;
        }

        return response.StatusCode == HttpStatusCode.NotFound ? "not found" : $"HTTP {(int)response.StatusCode}";
    }
}
