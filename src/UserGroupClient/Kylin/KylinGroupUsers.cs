using System.Text.Json.Serialization;

namespace UserGroupClient.Kylin;

/// <summary>A group and the names of its users, as <c>usersWithGroup</c> lists them (a Java <c>Pair</c>: <c>first</c>, <c>second</c>).</summary>
public sealed record KylinGroupUsers
{
    /// <summary>The group's name.</summary>
    [JsonPropertyName("first")]
    public required string Name { get; init; }

    /// <summary>The usernames in the group, sorted (ordinal).</summary>
    [JsonPropertyName("second")]
    public IReadOnlyList<string> Users { get; init; } = [];
}
