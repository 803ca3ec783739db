using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.MinApp;

/// <summary><c>/oserve/v1/user-group/</c> (docs/wire/minapp.md §4.1).</summary>
internal static class UserGroupHandlers
{
    public const string Path = "/oserve/v1/user-group/";

    public static Task ListAsync(MinAppState state, HttpContext context)
    {
        var parentText = context.Request.Query["parent_id"].ToString();
        long? parent = null;
        if (parentText.Length > 0)
        {
            if (!long.TryParse(parentText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return MinAppWire.ErrorAsync(context, 400, "parent_id must be an integer");
            }

            parent = parsed;
        }

        List<JsonNode> groups;
        lock (state.Sync)
        {
            groups = state.Groups.Values.Where(group => parent is null || group.ParentId == parent).Select(group => (JsonNode)MinAppWire.UserGroup(state, group)).ToList();
        }

        return MinAppListPage.WriteAsync(context, Path, groups, node => node);
    }

    public static async Task CreateAsync(MinAppState state, HttpContext context)
    {
        if (MinAppWire.ReadBody(context) is not JsonObject body || !TryReadName(body, out var name))
        {
            await MinAppWire.ErrorAsync(context, 400, "name is required").ConfigureAwait(false);
            return;
        }

        JsonObject? created = null;
        lock (state.Sync)
        {
            if (TryReadParent(state, body, out var parent))
            {
                var group = new GroupEntity(state.NewId(), name, parent);
                state.Groups[group.Id] = group;
                created = MinAppWire.UserGroup(state, group);
            }
        }

        if (created is null)
        {
            await MinAppWire.ErrorAsync(context, 400, "parent is not a supergroup id").ConfigureAwait(false);
            return;
        }

        context.Response.Headers.Location = string.Create(CultureInfo.InvariantCulture, $"{Path}{created["id"]}/");
        await JsonResponse.WriteJsonAsync(context.Response, 201, created).ConfigureAwait(false);
    }

    public static Task GetAsync(MinAppState state, HttpContext context, long id)
    {
        lock (state.Sync)
        {
            return state.Groups.TryGetValue(id, out var group)
                ? JsonResponse.WriteJsonAsync(context.Response, 200, MinAppWire.UserGroup(state, group))
                : MinAppWire.ErrorAsync(context, 404, "not found");
        }
    }

    public static Task UpdateAsync(MinAppState state, HttpContext context, long id)
    {
        if (MinAppWire.ReadBody(context) is not JsonObject body)
        {
            return MinAppWire.ErrorAsync(context, 400, "the body must be a JSON object");
        }

        lock (state.Sync)
        {
            if (!state.Groups.TryGetValue(id, out var group))
            {
                return MinAppWire.ErrorAsync(context, 404, "not found");
            }

            string? name = null;
            if (body.ContainsKey("name") && !TryReadName(body, out name))
            {
                return MinAppWire.ErrorAsync(context, 400, "name must not be empty");
            }

            long? parent = group.ParentId;
            if (body.ContainsKey("parent") && !TryReadParent(state, body, out parent))
            {
                return MinAppWire.ErrorAsync(context, 400, "parent is not a supergroup id");
            }

            group.Name = name ?? group.Name;
            group.ParentId = parent;
            return JsonResponse.WriteJsonAsync(context.Response, 200, MinAppWire.UserGroup(state, group));
        }
    }

    public static Task DeleteAsync(MinAppState state, HttpContext context, long id)
    {
        lock (state.Sync)
        {
            if (!state.Groups.ContainsKey(id))
            {
                return MinAppWire.ErrorAsync(context, 404, "not found");
            }

            state.DeleteGroup(id);
        }

        JsonResponse.WriteEmpty(context.Response, 204);
        return Task.CompletedTask;
    }

    public static Task BulkDeleteAsync(MinAppState state, HttpContext context)
    {
        var ids = MinAppWire.ParseIdList(context.Request.Query["id__in"]);
        if (ids is null || ids.Count == 0)
        {
            // tastypie would delete the whole collection here; the emulator refuses, so a client that sends it is caught.
            return MinAppWire.ErrorAsync(context, 400, "id__in is required and must list integer ids");
        }

        lock (state.Sync)
        {
            foreach (var id in ids)
            {
                state.DeleteGroup(id);
            }
        }

        JsonResponse.WriteEmpty(context.Response, 204);
        return Task.CompletedTask;
    }

    private static bool TryReadName(JsonObject body, out string name)
    {
        name = body["name"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
        return name.Trim().Length > 0;
    }

    private static bool TryReadParent(MinAppState state, JsonObject body, out long? parent)
    {
        parent = null;
        var node = body["parent"];
        if (node is null)
        {
            return true;
        }

        if (MinAppWire.TryReadId(node, out var id) && state.SuperGroups.ContainsKey(id))
        {
            parent = id;
            return true;
        }

        return false;
    }
}
