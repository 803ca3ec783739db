namespace UserGroupClient.JumpServer;

/// <summary>The body of a group creation (<c>POST /api/v1/users/groups/</c>).</summary>
/// <param name="Name">The name (required, at most 128 characters, trimmed by the server).</param>
public sealed record JumpServerUserGroupCreate(string Name)
{
    /// <summary>The comment.</summary>
    public string? Comment { get; init; }

    /// <summary>The initial members' ids; each must be a user of the organization.</summary>
    public IReadOnlyList<string>? Users { get; init; }
}
