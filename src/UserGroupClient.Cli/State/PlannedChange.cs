namespace UserGroupClient.Cli.State;

/// <summary>
/// One change of a plan: what <c>apply</c> sends for it, and after an apply whether it was done. Member changes carry
/// the user names (shown) and the target's ids (sent).
/// </summary>
internal sealed class PlannedChange
{
    public required PlannedAction Action { get; init; }

    public required string Group { get; init; }

    /// <summary>The target's id of an existing group, set for every action but a create.</summary>
    public string? GroupId { get; init; }

    public string? Comment { get; init; }

    public string? Parent { get; init; }

    public IReadOnlyList<string> Members { get; init; } = [];

    public IReadOnlyList<string> MemberIds { get; init; } = [];

    public ChangeStatus Status { get; set; } = ChangeStatus.Planned;

    /// <summary>Why the change failed, when it did.</summary>
    public string? Error { get; set; }
}

/// <summary>What a <see cref="PlannedChange"/> does; its name is the <c>action</c> of the --json schema.</summary>
internal enum PlannedAction
{
    Create,
    Update,
    AddMembers,
    RemoveMembers,
    Delete,
}

/// <summary>Where a <see cref="PlannedChange"/> stands; its name is the <c>status</c> of the --json schema.</summary>
internal enum ChangeStatus
{
    Planned,
    Done,
    Failed,
    NotDone,
}
