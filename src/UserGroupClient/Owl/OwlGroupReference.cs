namespace UserGroupClient.Owl;

/// <summary>A group as it appears inside another object (a user's user groups, a host's host groups).</summary>
public sealed class OwlGroupReference
{
    /// <summary>The group's id.</summary>
    public int Id { get; init; }

    /// <summary>The group's name.</summary>
    public string? Name { get; init; }
}
