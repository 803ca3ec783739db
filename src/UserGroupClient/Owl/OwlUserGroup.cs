namespace UserGroupClient.Owl;

/// <summary>An Owl user group: <c>{"id","name","users"}</c>.</summary>
public sealed class OwlUserGroup
{
    /// <summary>The group's id.</summary>
    public int Id { get; init; }

    /// <summary>The group's name, unique (case-insensitively).</summary>
    public string Name { get; init; } = "";

    /// <summary>The members (users without their groups), where the answer carries them.</summary>
    public IReadOnlyList<OwlUser>? Users { get; init; }
}
