namespace UserGroupClient.Cli.State;

/// <summary>Something a plan does not do, and why: a capability the target lacks, a name it does not know.</summary>
internal sealed record PlanNote(string? Group, PlanNoteKind Kind, string Message);

/// <summary>What a <see cref="PlanNote"/> is about; its name is the <c>kind</c> of the --json schema.</summary>
internal enum PlanNoteKind
{
    /// <summary>A setting the target cannot hold (a comment on Kylin, a parent outside MinApp), left out.</summary>
    Skipped,

    /// <summary>A member name no user (or host) of the target carries; never guessed.</summary>
    UnknownUser,

    /// <summary>A member name several users (or hosts) of the target carry; never guessed.</summary>
    AmbiguousUser,

    /// <summary>Members are not synced: a side has no unique user names (MinApp).</summary>
    MembersNotManaged,

    /// <summary>Groups or members the file does not name, kept because --prune was not given.</summary>
    Kept,
}
