using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.Kylin;

/// <summary>Kylin's response shapes: the <c>{code, data, msg}</c> envelope and the <c>ErrorResponse</c> with its Java trace.</summary>
internal static class KylinResponses
{
    /// <summary>The v2 media type every KAP handler produces.</summary>
    public const string V2Type = "application/vnd.apache.kylin-v2+json";

    public const string MediaType = V2Type + ";charset=UTF-8";

    public static Task OkAsync(HttpContext context, JsonNode? data, string msg) =>
        JsonResponse.WriteJsonAsync(context.Response, StatusCodes.Status200OK, new JsonObject { ["code"] = "000", ["data"] = data, ["msg"] = msg }, MediaType);

    /// <summary>
    /// An <c>ErrorResponse</c>: <c>msg</c> and <c>exception</c> carry the exception's message, <c>stacktrace</c> a Java trace.
    /// The entry point of the security filter writes it as <c>application/json</c>, the controllers as the v2 type.
    /// </summary>
    public static Task ErrorAsync(HttpContext context, int status, string message, string exceptionType = "java.lang.RuntimeException", string contentType = MediaType)
    {
        var request = context.Request;
        var body = new JsonObject
        {
            ["code"] = "999",
            ["data"] = null,
            ["msg"] = message,
            ["stacktrace"] = $"{exceptionType}: {message}\n\tat io.kyligence.kap.rest.controller.KapUserGroupController.invoke(KapUserGroupController.java:97)\n\tat sun.reflect.NativeMethodAccessorImpl.invoke0(Native Method)\n",
            ["exception"] = message,
            ["url"] = $"{request.Scheme}://{request.Host}{RequestTarget.From(context).Path}",
        };
        return JsonResponse.WriteJsonAsync(context.Response, status, body, contentType);
    }

    public static JsonObject ManagedUser(KylinStoredUser user, bool locked)
    {
        var authorities = new JsonArray();
        foreach (var authority in user.Authorities)
        {
            authorities.Add((JsonNode)new JsonObject { ["authority"] = authority });
        }

        return new JsonObject
        {
            ["username"] = user.Username,
            ["password"] = user.PasswordHash,
            ["authorities"] = authorities,
            ["disabled"] = user.Disabled,
            ["defaultPassword"] = user.DefaultPassword,
            ["locked"] = locked,
            ["lockedTime"] = locked ? user.LockedAt!.Value.ToUnixTimeMilliseconds() : 0,
            ["wrongTime"] = user.WrongTime,
            ["uuid"] = null,
            ["last_modified"] = user.LastModified.ToUnixTimeMilliseconds(),
            ["version"] = "3.0.0.1",
        };
    }
}
