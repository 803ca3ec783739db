namespace UserGroupClient.Cli.State;

/// <summary>What it takes to make a backend match a desired state: the changes in the order they are applied, and the notes.</summary>
internal sealed record Plan(string Backend, IReadOnlyList<PlannedChange> Changes, IReadOnlyList<PlanNote> Notes)
{
    public bool HasChanges => Changes.Count > 0;
}
