using System.Text.Json.Nodes;

namespace UserGroupClient.Cli.Tests;

/// <summary>The --json schema of docs/cli.md: each object has exactly these properties, no more and no fewer.</summary>
internal static class JsonShape
{
    public static readonly string[] Group = ["id", "name", "comment", "parentId", "memberCount"];
    public static readonly string[] Member = ["id", "name", "userName"];
    public static readonly string[] Backend = ["name", "dialect", "address", "userDirectory", "answers", "error"];

    public static JsonObject Object(JsonNode? node, params string[] properties)
    {
        var value = Assert.IsType<JsonObject>(node);
        Assert.Equal(properties.Order(StringComparer.Ordinal), value.Select(p => p.Key).Order(StringComparer.Ordinal));
        return value;
    }

    public static JsonArray Array(JsonNode? node, string[] itemProperties)
    {
        var array = Assert.IsType<JsonArray>(node);
        foreach (var item in array)
        {
            Object(item, itemProperties);
        }

        return array;
    }
}
