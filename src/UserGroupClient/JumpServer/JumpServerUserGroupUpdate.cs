namespace UserGroupClient.JumpServer;

/// <summary>The body of a full update (<c>PUT</c>): <see cref="Name"/> is required; omitting <see cref="Users"/> keeps the members.</summary>
/// <param name="Name">The name.</param>
public sealed record JumpServerUserGroupUpdate(string Name)
{
    /// <summary>The comment.</summary>
    public string? Comment { get; init; }

    /// <summary>When set, replaces the members.</summary>
    public IReadOnlyList<string>? Users { get; init; }
}
