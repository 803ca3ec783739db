using System.Text.Json.Nodes;

namespace UserGroupClient.Testing.JumpServer;

/// <summary>The GET-only output trimming of JumpServer's serializer mixin: <c>fields_size</c>, <c>fields=</c> and <c>fields!=</c>.</summary>
internal static class FieldSelection
{
    private static readonly string[] Mini = ["id", "name"];
    private static readonly string[] Small = ["id", "name", "comment", "date_created", "created_by"];

    public static JsonObject Apply(JumpServerRequest request, JsonObject item)
    {
        if (request.Method is not ("GET" or "HEAD"))
        {
            return item;
        }

        var keep = request.Query.Get("fields_size") switch
        {
            "mini" => Mini,
            "small" => Small,
            _ => null,
        };
        Keep(item, keep);
        Keep(item, request.Query.GetList("fields"));
        foreach (var name in request.Query.GetList("fields!") ?? [])
        {
            item.Remove(name);
        }

        return item;
    }

    private static void Keep(JsonObject item, IReadOnlyList<string>? names)
    {
        if (names is null)
        {
            return;
        }

        foreach (var key in item.Select(property => property.Key).Where(key => !names.Contains(key)).ToList())
        {
            item.Remove(key);
        }
    }
}
