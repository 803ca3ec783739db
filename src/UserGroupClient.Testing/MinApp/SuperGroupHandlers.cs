using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.MinApp;

/// <summary><c>/oserve/v1/user-supergroup/</c> (docs/wire/minapp.md §4.2): PUT replaces the children; a child moves from another supergroup.</summary>
internal static class SuperGroupHandlers
{
    public const string Path = "/oserve/v1/user-supergroup/";

    public static Task ListAsync(MinAppState state, HttpContext context)
    {
        List<JsonNode> superGroups;
        lock (state.Sync)
        {
            superGroups = state.SuperGroups.Values.Select(superGroup => (JsonNode)MinAppWire.SuperGroup(state, superGroup)).ToList();
        }

        return MinAppListPage.WriteAsync(context, Path, superGroups, node => node);
    }

    public static async Task CreateAsync(MinAppState state, HttpContext context)
    {
        var body = MinAppWire.ReadBody(context) as JsonObject;
        var name = body?["name"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
        if (name.Trim().Length == 0)
        {
            await MinAppWire.ErrorAsync(context, 400, "name is required").ConfigureAwait(false);
            return;
        }

        var children = body!["children"] is null ? [] : MinAppWire.ReadIds(body["children"]);
        JsonObject? created = null;
        lock (state.Sync)
        {
            if (children is not null && children.All(state.Groups.ContainsKey))
            {
                var superGroup = new SuperGroupEntity(state.NewId(), name);
                state.SuperGroups[superGroup.Id] = superGroup;
                SetChildren(state, superGroup.Id, children);
                created = MinAppWire.SuperGroup(state, superGroup);
            }
        }

        if (created is null)
        {
            await MinAppWire.ErrorAsync(context, 400, "children must list existing user-group ids").ConfigureAwait(false);
            return;
        }

        context.Response.Headers.Location = string.Create(CultureInfo.InvariantCulture, $"{Path}{created["id"]}/");
        await JsonResponse.WriteJsonAsync(context.Response, 201, created).ConfigureAwait(false);
    }

    public static Task GetAsync(MinAppState state, HttpContext context, long id)
    {
        lock (state.Sync)
        {
            return state.SuperGroups.TryGetValue(id, out var superGroup)
                ? JsonResponse.WriteJsonAsync(context.Response, 200, MinAppWire.SuperGroup(state, superGroup))
                : MinAppWire.ErrorAsync(context, 404, "not found");
        }
    }

    public static Task UpdateAsync(MinAppState state, HttpContext context, long id)
    {
        var body = MinAppWire.ReadBody(context) as JsonObject;
        var name = body?["name"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
        var children = MinAppWire.ReadIds(body?["children"]);
        lock (state.Sync)
        {
            if (!state.SuperGroups.TryGetValue(id, out var superGroup))
            {
                return MinAppWire.ErrorAsync(context, 404, "not found");
            }

            if (name.Trim().Length == 0 || children is null)
            {
                return MinAppWire.ErrorAsync(context, 400, "name and children are both required");
            }

            if (!children.All(state.Groups.ContainsKey))
            {
                return MinAppWire.ErrorAsync(context, 400, "children must list existing user-group ids");
            }

            superGroup.Name = name;
            foreach (var group in state.Groups.Values.Where(group => group.ParentId == id))
            {
                group.ParentId = null;
            }

            SetChildren(state, id, children);
            return JsonResponse.WriteJsonAsync(context.Response, 200, MinAppWire.SuperGroup(state, superGroup));
        }
    }

    public static Task DeleteAsync(MinAppState state, HttpContext context, long id)
    {
        lock (state.Sync)
        {
            if (!state.SuperGroups.ContainsKey(id))
            {
                return MinAppWire.ErrorAsync(context, 404, "not found");
            }

            state.DeleteSuperGroup(id);
        }

        JsonResponse.WriteEmpty(context.Response, 204);
        return Task.CompletedTask;
    }

    public static Task BulkDeleteAsync(MinAppState state, HttpContext context)
    {
        var ids = MinAppWire.ParseIdList(context.Request.Query["id__in"]);
        if (ids is null || ids.Count == 0)
        {
            return MinAppWire.ErrorAsync(context, 400, "id__in is required and must list integer ids");
        }

        lock (state.Sync)
        {
            foreach (var id in ids)
            {
                state.DeleteSuperGroup(id);
            }
        }

        JsonResponse.WriteEmpty(context.Response, 204);
        return Task.CompletedTask;
    }

    private static void SetChildren(MinAppState state, long superGroupId, IEnumerable<long> children)
    {
        foreach (var child in children)
        {
            state.Groups[child].ParentId = superGroupId;
        }
    }
}
