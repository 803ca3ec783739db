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

    /// <summary>What Apache Kylin's handlers and every flavor's security entry point write.</summary>
    public const string JsonType = "application/json;charset=UTF-8";

    public const string KapController = "io.kyligence.kap.rest.controller.KapUserGroupController";

    public static Task OkAsync(HttpContext context, JsonNode? data, string msg, string contentType = MediaType) =>
        JsonResponse.WriteJsonAsync(context.Response, StatusCodes.Status200OK, new JsonObject { ["code"] = "000", ["data"] = data, ["msg"] = msg }, contentType);

    /// <summary>
    /// An <c>ErrorResponse</c>: <c>msg</c> and <c>exception</c> carry the exception's message, <c>stacktrace</c> a Java trace
    /// from <paramref name="thrownIn"/>. The entry point of the security filter writes it as <c>application/json</c>,
    /// KAP's controllers as the v2 type.
    /// </summary>
    public static Task ErrorAsync(
        HttpContext context,
        int status,
        string message,
        string exceptionType = "java.lang.RuntimeException",
        string contentType = MediaType,
        string thrownIn = KapController)
    {
        var body = new JsonObject
        {
            ["code"] = "999",
            ["data"] = null,
            ["msg"] = message,
            ["stacktrace"] = Trace(exceptionType, message, thrownIn),
            ["exception"] = message,
            ["url"] = Url(context),
        };
        return JsonResponse.WriteJsonAsync(context.Response, status, body, contentType);
    }

    public static string Trace(string exceptionType, string message, string thrownIn)
    {
        var file = thrownIn[(thrownIn.LastIndexOf('.') + 1)..];
        return $"{exceptionType}: {message}\n\tat {thrownIn}.invoke({file}.java:97)\n\tat sun.reflect.NativeMethodAccessorImpl.invoke0(Native Method)\n";
    }

    /// <summary>The request URL as the servlet's <c>getRequestURL</c> gives it: no query.</summary>
    public static string Url(HttpContext context) =>
        $"{context.Request.Scheme}://{context.Request.Host}{RequestTarget.From(context).Path}";

    public static JsonObject ManagedUser(KylinStoredUser user, bool locked)
    {
        return new JsonObject
        {
            ["username"] = user.Username,
            ["password"] = user.PasswordHash,
            ["authorities"] = Authorities(user),
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

    public static JsonArray Authorities(KylinStoredUser user)
    {
        var authorities = new JsonArray();
        foreach (var authority in user.Authorities)
        {
            authorities.Add((JsonNode)new JsonObject { ["authority"] = authority });
        }

        return authorities;
    }
}
