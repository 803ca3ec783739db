namespace UserGroupClient.Owl;

/// <summary>An Owl host group: <c>{"id","name"}</c>; create and update answers add <c>hosts</c>.</summary>
public sealed class OwlHostGroup
{
    /// <summary>The group's id.</summary>
    public int Id { get; init; }

    /// <summary>The group's name, unique (case-insensitively).</summary>
    public string Name { get; init; } = "";

    /// <summary>The hosts, where the answer carries them. The update answer echoes the request, so only ids are reliable there.</summary>
    public IReadOnlyList<OwlHost>? Hosts { get; init; }
}
