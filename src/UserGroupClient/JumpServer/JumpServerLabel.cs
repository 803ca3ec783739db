namespace UserGroupClient.JumpServer;

/// <summary>A label attached to a resource.</summary>
public sealed class JumpServerLabel
{
    /// <summary>The label's id.</summary>
    public string? Id { get; init; }

    /// <summary>The label's name.</summary>
    public string? Name { get; init; }

    /// <summary>The label's value.</summary>
    public string? Value { get; init; }

    /// <summary>The label's display colour.</summary>
    public string? Color { get; init; }
}
