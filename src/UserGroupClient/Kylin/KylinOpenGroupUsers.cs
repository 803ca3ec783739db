using System.Text.Json.Serialization;

namespace UserGroupClient.Kylin;

/// <summary>A group and the names of its users, as the v4-public <c>users_with_group</c> lists them.</summary>
public sealed record KylinOpenGroupUsers
{
    /// <summary>The group's name.</summary>
    [JsonPropertyName("group_name")]
    public required string Name { get; init; }

    /// <summary>The usernames in the group.</summary>
    public IReadOnlyList<string> Users { get; init; } = [];

    /// <summary>The group's id in the server's own (UI) API, which addresses groups by it.</summary>
    public string? Uuid { get; init; }
}
