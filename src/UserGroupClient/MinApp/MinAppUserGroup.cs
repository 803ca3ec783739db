using System.Text.Json.Serialization;

namespace UserGroupClient.MinApp;

/// <summary>
/// A MinApp user group as the server returns it: <c>{"id", "name", "members", "parent": {"id", "name"} | null}</c>.
/// The cloud-function variant <c>{"parent_id", "super_group": {"id", "name"}}</c> is read into the same shape.
/// </summary>
[JsonConverter(typeof(MinAppUserGroupConverter))]
public sealed class MinAppUserGroup
{
    /// <summary>The group's id.</summary>
    public long Id { get; init; }

    /// <summary>The group's name (not unique).</summary>
    public string Name { get; init; } = "";

    /// <summary>How many users are in the group, when the server says.</summary>
    public int? Members { get; init; }

    /// <summary>The supergroup (组集) the group belongs to; <see langword="null"/> when none.</summary>
    public MinAppGroupReference? Parent { get; init; }
}
