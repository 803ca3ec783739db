using System.Text.Json.Serialization;

namespace UserGroupClient.MinApp;

/// <summary>
/// A MinApp supergroup (组集) as the server returns it: <c>{"id", "name", "children": [{"id", "name"}, …]}</c>.
/// The cloud-function variant, where <c>children</c> is a count and the groups are in <c>user_group</c>, is read into the same shape.
/// </summary>
[JsonConverter(typeof(MinAppSuperGroupConverter))]
public sealed class MinAppSuperGroup
{
    /// <summary>The supergroup's id.</summary>
    public long Id { get; init; }

    /// <summary>The supergroup's name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The user groups in it, as far as the answer lists them.</summary>
    public IReadOnlyList<MinAppGroupReference> Children { get; init; } = [];

    /// <summary>How many user groups it holds: the count the server sent, else the length of <see cref="Children"/>.</summary>
    public int ChildCount { get; init; }
}
