namespace UserGroupClient.JumpServer;

/// <summary>The body of a partial update (<c>PATCH</c>); only the properties that are set are sent.</summary>
public sealed record JumpServerUserGroupPatch
{
    /// <summary>The new name.</summary>
    public string? Name { get; init; }

    /// <summary>The new comment.</summary>
    public string? Comment { get; init; }

    /// <summary>When set, replaces the members (JumpServer's PATCH <c>users</c> is a replace, not an add).</summary>
    public IReadOnlyList<string>? Users { get; init; }
}
