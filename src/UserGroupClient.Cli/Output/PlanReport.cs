using System.Globalization;
using Spectre.Console;
using UserGroupClient.Cli.State;

namespace UserGroupClient.Cli.Output;

/// <summary>A plan, or what an apply did of it: a table of changes and the notes, or the <c>plan</c> --json document.</summary>
internal static class PlanReport
{
    public static void Write(CliOutput output, Plan plan, string? source, bool applied)
    {
        if (output.Json)
        {
            output.Write(
                new PlanJson(
                    plan.Backend,
                    source,
                    applied,
                    plan.Changes.Select(c => new ChangeJson(Camel(c.Action.ToString()), c.Group, c.Comment, c.Parent, c.Members, Camel(c.Status.ToString()), c.Error)).ToList(),
                    plan.Notes.Select(n => new NoteJson(n.Group, Camel(n.Kind.ToString()), n.Message)).ToList()),
                CliJsonContext.Default.PlanJson);
            return;
        }

        if (plan.HasChanges)
        {
            var table = applied ? CliOutput.Table("Status", "Action", "Group", "Details") : CliOutput.Table("Action", "Group", "Details");
            foreach (var change in plan.Changes)
            {
                var cells = new[] { Describe(change.Action), change.Group, Details(change) };
                CliOutput.Row(table, applied ? [Describe(change.Status, change.Error), .. cells] : cells);
            }

            output.Write(table);
        }

        foreach (var note in plan.Notes)
        {
            output.Line(note.Group is null ? $"note: {note.Message}" : $"note: {note.Group}: {note.Message}");
        }

        var done = plan.Changes.Count(c => c.Status == ChangeStatus.Done);
        output.Line(!plan.HasChanges
            ? $"{plan.Backend}: no changes."
            : applied
                ? $"{plan.Backend}: {done} of {plan.Changes.Count} change(s) done."
                : $"{plan.Backend}: {plan.Changes.Count} change(s) to make.");
    }

    private static string Details(PlannedChange change)
    {
        var parts = new List<string>();
        if (change.Comment is not null)
        {
            parts.Add($"comment: {change.Comment}");
        }

        if (change.Parent is not null)
        {
            parts.Add($"parent: {change.Parent}");
        }

        if (change.Members.Count > 0)
        {
            parts.Add(string.Join(", ", change.Members));
        }

        return string.Join("; ", parts);
    }

    private static string Describe(PlannedAction action) => action switch
    {
        PlannedAction.Create => "+ create",
        PlannedAction.Update => "~ update",
        PlannedAction.AddMembers => "+ members",
        PlannedAction.RemoveMembers => "- members",
        _ => "- delete",
    };

    /// <summary>An applied change's status: an apply leaves none <see cref="ChangeStatus.Planned"/>, so the rest are not done.</summary>
    private static string Describe(ChangeStatus status, string? error) => status switch
    {
        ChangeStatus.Done => "done",
        ChangeStatus.Failed => "FAILED: " + error,
        _ => "not done",
    };

    private static string Camel(string name) => char.ToLower(name[0], CultureInfo.InvariantCulture) + name[1..];
}
