using UserGroupClient.Cli.Commands;

namespace UserGroupClient.Cli.State;

/// <summary>
/// What a prune needs before it deletes: <c>--yes</c>, or a "y" typed at a terminal. Without a terminal to ask on it
/// refuses, so a script never deletes by accident.
/// </summary>
internal static class Confirmation
{
    /// <exception cref="UgcException">Deletions are refused or declined; nothing has been sent.</exception>
    public static async Task RequireAsync(CommandRun run, Plan plan, bool yes, CancellationToken cancellationToken)
    {
        var deletes = plan.Changes.Count(c => c.Action == PlannedAction.Delete);
        var removals = plan.Changes.Where(c => c.Action == PlannedAction.RemoveMembers).Sum(c => c.Members.Count);
        if (yes || deletes + removals == 0)
        {
            return;
        }

        var what = $"delete {deletes} group(s) and remove {removals} member(s) on {plan.Backend}";
        if (!run.Console.InputIsTerminal || !run.Console.OutputIsTerminal)
        {
            throw new UgcException($"--prune would {what}: confirm with --yes (there is no terminal to ask on). Nothing was changed.");
        }

        await run.Console.Error.WriteAsync($"--prune will {what}. Go on? [y/N] ");
        var answer = await run.Console.In.ReadLineAsync(cancellationToken);
        if (!string.Equals(answer?.Trim(), "y", StringComparison.OrdinalIgnoreCase) && !string.Equals(answer?.Trim(), "yes", StringComparison.OrdinalIgnoreCase))
        {
            throw new UgcException("Declined. Nothing was changed.");
        }
    }
}
