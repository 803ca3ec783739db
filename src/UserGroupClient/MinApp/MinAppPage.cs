using System.Text.Json.Serialization;

namespace UserGroupClient.MinApp;

/// <summary>One page of a MinApp list: <c>{"meta": {…}, "objects": […]}</c>.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class MinAppPage<T>
{
    /// <summary>The paging facts.</summary>
    [JsonRequired]
    public MinAppPageMeta Meta { get; init; } = new();

    /// <summary>The page's items.</summary>
    [JsonRequired]
    public IReadOnlyList<T> Objects { get; init; } = [];
}
