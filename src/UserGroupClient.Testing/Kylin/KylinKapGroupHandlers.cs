using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.Kylin;

/// <summary>
/// The <c>KapUserGroupController</c> handlers (docs/wire/kylin.md §3–§4). Business errors are HTTP 500 with
/// <c>code</c> "999", because the controller's catch-all handles them; the rights checks throw Spring's
/// <c>AccessDeniedException</c>, which ends there too.
/// </summary>
internal sealed class KylinKapGroupHandlers(KylinState state)
{
    private const int DefaultPageSize = 10;
    private const string AccessDenied = "Access is denied";

    public Task ListGroupsAsync(HttpContext context, KylinStoredUser caller, string name)
    {
        if (!context.Request.Query.TryGetValue("project", out var projectValues))
        {
            return Failed(context, "Required String parameter 'project' is not present", "org.springframework.web.bind.MissingServletRequestParameterException");
        }

        var project = projectValues.ToString();
        JsonArray groups;
        lock (state.Sync)
        {
            if (!caller.IsAdmin && !state.ProjectAdministrators.Contains((project, caller.Username)))
            {
                return Denied(context);
            }

            groups = new JsonArray(state.Groups.Keys.Select(group => (JsonNode?)group).ToArray());
        }

        return KylinResponses.OkAsync(context, groups, "get groups");
    }

    public Task ListUsersWithGroupAsync(HttpContext context, KylinStoredUser caller, string name)
    {
        if (!TryReadPage(context, out var pageOffset, out var pageSize, out var problem))
        {
            return Failed(context, problem!);
        }

        JsonObject data;
        lock (state.Sync)
        {
            if (!caller.IsAdmin)
            {
                return Denied(context);
            }

            var groups = state.Groups.Keys.ToList();
            var items = new JsonArray();
            foreach (var group in Page(groups, pageOffset, pageSize))
            {
                var users = new JsonArray(state.MembersOf(group).Select(user => (JsonNode?)user.Username).ToArray());
                items.Add((JsonNode)new JsonObject { ["first"] = group, ["second"] = users });
            }

            data = new JsonObject { ["usersWithGroup"] = items, ["size"] = groups.Count };
        }

        return KylinResponses.OkAsync(context, data, "get users with group");
    }

    public Task ListGroupMembersAsync(HttpContext context, KylinStoredUser caller, string name)
    {
        if (!TryReadPage(context, out var pageOffset, out var pageSize, out var problem))
        {
            return Failed(context, problem!);
        }

        JsonObject data;
        lock (state.Sync)
        {
            var members = state.MembersOf(name);
            var items = new JsonArray(Page(members, pageOffset, pageSize).Select(user => (JsonNode?)KylinResponses.ManagedUser(user, state.IsLocked(user))).ToArray());
            data = new JsonObject { ["groupMembers"] = items, ["size"] = members.Count };
        }

        return KylinResponses.OkAsync(context, data, "get groups members");
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

        return KylinResponses.OkAsync(context, string.Empty, "add user group");
    }

    public Task DeleteGroupAsync(HttpContext context, KylinStoredUser caller, string name)
    {
        lock (state.Sync)
        {
            if (!caller.IsAdmin)
            {
                return Denied(context);
            }

            if (state.IsUndeletable(name))
            {
                return Failed(context, $"Can not delete group {name}");
            }

            // The server strips the authority from every user first and only then finds the group missing.
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

        return KylinResponses.OkAsync(context, string.Empty, "del user group");
    }

    public Task SetGroupUsersAsync(HttpContext context, KylinStoredUser caller, string name)
    {
        var requested = ReadUsernames(context.Features.Get<RequestBodyFeature>()?.Body ?? []);
        lock (state.Sync)
        {
            if (!caller.IsAdmin)
            {
                return Denied(context);
            }

            if (requested is null)
            {
                return Failed(context, "Can not deserialize instance of java.util.ArrayList out of START_OBJECT token", "com.fasterxml.jackson.databind.JsonMappingException");
            }

            var current = state.MembersOf(name).Select(user => user.Username).ToHashSet(StringComparer.Ordinal);
            var wanted = requested.ToHashSet(StringComparer.Ordinal);

            // Not transactional, as on the server: users saved before an unknown one stay changed.
            foreach (var username in requested.Distinct(StringComparer.Ordinal).Where(username => !current.Contains(username)))
            {
                if (!state.Users.TryGetValue(username, out var user))
                {
                    return Failed(context, $"User '{username}' not found.", "org.springframework.security.core.userdetails.UsernameNotFoundException");
                }

                user.Grant(name);
                state.Save(user);
            }

            foreach (var username in current.Where(username => !wanted.Contains(username)))
            {
                var user = state.Users[username];
                user.Authorities.Remove(name);
                state.Save(user);
            }
        }

        return KylinResponses.OkAsync(context, string.Empty, "modify users in user group");
    }

    private static List<string>? ReadUsernames(byte[] body)
    {
        try
        {
            if (JsonNode.Parse(body) is not JsonArray array || array.Any(item => item is not JsonValue value || value.GetValueKind() != JsonValueKind.String))
            {
                return null;
            }

            return array.Select(item => item!.GetValue<string>()).ToList();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryReadPage(HttpContext context, out int pageOffset, out int pageSize, out string? problem)
    {
        pageOffset = 0;
        pageSize = DefaultPageSize;
        problem = null;
        var query = context.Request.Query;
        if ((query.TryGetValue("pageOffset", out var offsetText) && !int.TryParse(offsetText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out pageOffset))
            || (query.TryGetValue("pageSize", out var sizeText) && !int.TryParse(sizeText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out pageSize)))
        {
            problem = "Failed to convert value of type 'java.lang.String' to required type 'java.lang.Integer'";
            return false;
        }

        if (pageOffset < 0 || pageSize < 0)
        {
            problem = $"fromIndex = {(long)pageOffset * pageSize}";
            return false;
        }

        return true;
    }

    // The controller's arithmetic: pageOffset is a page index; a page past the end is empty.
    private static IEnumerable<T> Page<T>(List<T> items, int pageOffset, int pageSize)
    {
        var offset = (long)pageOffset * pageSize;
        long limit = pageSize;
        if (items.Count <= offset)
        {
            offset = items.Count;
            limit = 0;
        }

        return items.Skip((int)offset).Take((int)Math.Min(limit, items.Count - offset));
    }

    private static Task Failed(HttpContext context, string message, string exceptionType = "java.lang.RuntimeException") =>
        KylinResponses.ErrorAsync(context, StatusCodes.Status500InternalServerError, message, exceptionType);

    private static Task Denied(HttpContext context) =>
        Failed(context, AccessDenied, "org.springframework.security.access.AccessDeniedException");
}
