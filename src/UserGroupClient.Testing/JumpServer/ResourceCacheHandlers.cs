using System.Text.Json;
using System.Text.Json.Nodes;

namespace UserGroupClient.Testing.JumpServer;

/// <summary><c>ResourcesIDCacheApi</c>: caches ids under a fresh <c>spm</c> for bulk selections (docs/wire/jumpserver.md §1.2).</summary>
internal static class ResourceCacheHandlers
{
    public static void Map(RouteTable routes) =>
        routes.Map("/api/v1/common/resources/cache/", new Dictionary<string, Endpoint> { ["POST"] = new(Access.AnyUser, CacheAsync) });

    /// <summary>Always answers 200 with a new <c>spm</c>; ids are cached only when <c>resources</c> is given.</summary>
    private static async ValueTask<ApiResult> CacheAsync(JumpServerRequest request)
    {
        var data = await request.ReadDataAsync("resources").ConfigureAwait(false);
        if (data.Error is { } error)
        {
            return error;
        }

        // request.data.get('resources') raises on anything but a dict.
        if (data.Value is not JsonObject body)
        {
            return ApiResult.ServerError;
        }

        IReadOnlyList<string>? resources = body["resources"] switch
        {
            null => null,
            JsonArray items => items
                .Where(item => item is not null && item.GetValueKind() is JsonValueKind.String or JsonValueKind.Number)
                .Select(item => PythonValues.ScalarText(item!))
                .ToArray(),
            _ => [],
        };

        lock (request.State.Sync)
        {
            return ApiResult.Json(200, new JsonObject { ["spm"] = request.State.CacheResources(resources) });
        }
    }
}
