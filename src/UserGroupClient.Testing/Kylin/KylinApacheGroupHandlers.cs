using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.Kylin;

/// <summary>
/// Apache Kylin's <c>KylinUserGroupController</c> (docs/wire/kylin.md §11.2–§11.4): plain JSON, a map of groups with
/// row-offset paging, <c>data: null</c> on writes, and every failure an HTTP 500 <c>ErrorResponse</c> with <c>code</c>
/// "999" from <c>BasicController</c>'s catch-all, access denials included.
/// </summary>
internal sealed class KylinApacheGroupHandlers(KylinState state)
{
    private const string Controller = "org.apache.kylin.rest.controller.KylinUserGroupController";
    private const string AccessDenied = "Access is denied";

    public Task ListGroupsAsync(HttpContext context, KylinStoredUser caller, string name)
    {
        var query = context.Request.Query;
        if (!TryReadInt(query, "offset", 0, out var offset, out var problem)
            || !TryReadInt(query, "limit", 10, out var limit, out problem)
            || !TryReadBoolean(query, "isFuzzMatch", out var fuzzy, out problem))
        {
            return Failed(context, problem!, "org.springframework.web.method.annotation.MethodArgumentTypeMismatchException");
        }

        JsonObject data;
        lock (state.Sync)
        {
            var allowed = caller.IsAdmin
                || (query.TryGetValue("project", out var project) && state.ProjectAdministrators.Contains((project.ToString(), caller.Username)));
            if (!allowed)
            {
                return Denied(context);
            }

            var filter = query["name"].ToString();
            var names = state.Groups.Keys
                .Where(group => filter.Length == 0 || (fuzzy ? group.Contains(filter, StringComparison.OrdinalIgnoreCase) : group == filter))
                .ToList();
            var (page, failure) = KylinJavaPaging.Cut(names, offset, (long)offset + limit);
            if (failure is not null)
            {
                return Failed(context, failure.Message, failure.ExceptionType);
            }

            var groups = new JsonObject();
            foreach (var group in page!)
            {
                groups[group] = new JsonArray(state.MembersOf(group).Select(user => (JsonNode?)user.Username).ToArray());
            }

            data = new JsonObject { ["groups"] = groups, ["size"] = names.Count };
        }

        return OkAsync(context, data);
    }

    public Task ListUsersAsync(HttpContext context, KylinStoredUser caller, string name)
    {
        JsonObject data;
        lock (state.Sync)
        {
            var users = state.MembersOf(name).Select(user => (JsonNode?)ManagedUser(user)).ToArray();
            data = new JsonObject { ["users"] = new JsonArray(users) };
        }

        return OkAsync(context, data);
    }

    public Task CreateGroupAsync(HttpContext context, KylinStoredUser caller, string name)
    {
        lock (state.Sync)
        {
            if (!caller.IsAdmin)
            {
                return Denied(context);
            }

            if (!state.AddGroup(name))
            {
                return Failed(context, $"Operation failed, group:{name} already exists");
            }
        }

        return OkAsync(context, null);
    }

    public Task DeleteGroupAsync(HttpContext context, KylinStoredUser caller, string name)
    {
        lock (state.Sync)
        {
            // The controller checks the built-in names before it asks for the admin role.
            if (state.IsUndeletable(name))
            {
                return Failed(context, $"Can not delete group {name}");
            }

            if (!caller.IsAdmin)
            {
                return Denied(context);
            }

            foreach (var user in state.MembersOf(name))
            {
                user.Authorities.Remove(name);
                state.Save(user);
            }

            if (!state.Groups.Remove(name))
            {
                return Failed(context, $"Operation failed, group:{name} does not exists");
            }
        }

        return OkAsync(context, null);
    }

    public Task SetGroupUsersAsync(HttpContext context, KylinStoredUser caller, string name)
    {
        // Spring reads the body before the controller checks any right.
        var (requested, problem, exceptionType) = ReadUsernames(context);
        if (requested is null)
        {
            return Failed(context, problem!, exceptionType!);
        }

        lock (state.Sync)
        {
            if (!caller.IsAdmin)
            {
                return Denied(context);
            }

            if (name == KylinState.RoleAdmin && requested.Count == 0)
            {
                return Failed(context, "role_admin must have at least one user");
            }

            // Compared exactly, although users are found ignoring case: "alice" for member "ALICE" adds, then removes her.
            var current = state.MembersOf(name).Select(user => user.Username).ToList();
            foreach (var username in requested.Where(username => !current.Contains(username, StringComparer.Ordinal)))
            {
                if (!state.Users.TryGetValue(username, out var user))
                {
                    // Not transactional: the users saved before this one stay changed, and nobody is removed.
                    return Failed(context, $"User '{username}' not found.", "org.springframework.security.core.userdetails.UsernameNotFoundException");
                }

                user.Grant(name);
                state.Save(user);
            }

            foreach (var username in current.Where(username => !requested.Contains(username, StringComparer.Ordinal)))
            {
                var user = state.Users[username];
                user.Authorities.Remove(name);
                state.Save(user);
            }
        }

        return OkAsync(context, null);
    }

    private (List<string>? Names, string? Problem, string? ExceptionType) ReadUsernames(HttpContext context)
    {
        var contentType = context.Request.ContentType;
        var mediaType = contentType?.Split(';')[0].Trim() ?? string.Empty;
        if (!mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) && !mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"Content type '{contentType ?? "application/octet-stream"}' not supported", "org.springframework.web.HttpMediaTypeNotSupportedException");
        }

        var body = context.Features.Get<RequestBodyFeature>()?.Body ?? [];
        if (body.Length == 0)
        {
            return (null, $"Required request body is missing: public org.apache.kylin.rest.response.EnvelopeResponse<java.lang.String> {Controller}.addOrDelUsers(java.lang.String,java.util.List<java.lang.String>) throws java.io.IOException", "org.springframework.http.converter.HttpMessageNotReadableException");
        }

        var apache3 = state.Flavor == KylinEmulatorFlavor.Apache3;
        var prefix = apache3 ? "Could not read document: " : "JSON parse error: ";
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return (null, prefix + "Unexpected character: was expecting a JSON value", "org.springframework.http.converter.HttpMessageNotReadableException");
        }

        if (node is not JsonArray array || array.Any(item => item is not JsonValue value || value.GetValueKind() != JsonValueKind.String))
        {
            var token = node switch { JsonObject => "START_OBJECT", JsonArray => "START_ARRAY", _ => "VALUE_STRING" };
            var detail = apache3
                ? $"Can not deserialize instance of java.util.ArrayList out of {token} token"
                : $"Cannot deserialize instance of `java.util.ArrayList<java.lang.String>` out of {token} token";
            return (null, prefix + detail, "org.springframework.http.converter.HttpMessageNotReadableException");
        }

        return (array.Select(item => item!.GetValue<string>()).ToList(), null, null);
    }

    private JsonObject ManagedUser(KylinStoredUser user) => new()
    {
        ["uuid"] = user.Uuid,
        ["last_modified"] = user.LastModified.ToUnixTimeMilliseconds(),
        ["version"] = state.Flavor == KylinEmulatorFlavor.Apache3 ? "3.0.0.20500" : "4.0.0.0",
        ["username"] = user.Username,
        ["password"] = user.PasswordHash,
        ["authorities"] = KylinResponses.Authorities(user),
        ["disabled"] = user.Disabled,
        ["defaultPassword"] = user.DefaultPassword,
        ["locked"] = false,
        ["lockedTime"] = 0,
        ["wrongTime"] = 0,
    };

    private static bool TryReadInt(IQueryCollection query, string key, int fallback, out int value, out string? problem)
    {
        value = fallback;
        problem = null;
        if (!query.TryGetValue(key, out var text) || text.ToString().Length == 0)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        problem = $"Failed to convert value of type 'java.lang.String' to required type 'java.lang.Integer'; nested exception is java.lang.NumberFormatException: For input string: \"{text}\"";
        return false;
    }

    // Spring's boolean conversion: true/on/yes/1 and false/off/no/0 in any case; absent or empty is false.
    private static bool TryReadBoolean(IQueryCollection query, string key, out bool value, out string? problem)
    {
        value = false;
        problem = null;
        var text = query[key].ToString();
        switch (text.ToLowerInvariant())
        {
            case "" or "false" or "off" or "no" or "0":
                return true;
            case "true" or "on" or "yes" or "1":
                value = true;
                return true;
            default:
                problem = $"Failed to convert value of type 'java.lang.String' to required type 'boolean'; nested exception is java.lang.IllegalArgumentException: Invalid boolean value [{text}]";
                return false;
        }
    }

    private static Task OkAsync(HttpContext context, JsonNode? data) =>
        KylinResponses.OkAsync(context, data, string.Empty, KylinResponses.JsonType);

    private static Task Failed(HttpContext context, string message, string exceptionType = "java.lang.RuntimeException") =>
        KylinResponses.ErrorAsync(context, StatusCodes.Status500InternalServerError, message, exceptionType, KylinResponses.JsonType, Controller);

    private static Task Denied(HttpContext context) =>
        Failed(context, AccessDenied, "org.springframework.security.access.AccessDeniedException");
}
