using System.CommandLine;
using Spectre.Console;
using UserGroupClient.Cli.Output;
using UserGroupClient.Cli.State;

namespace UserGroupClient.Cli.Commands;

/// <summary><c>ugc export</c>, <c>plan</c>, <c>apply</c> and <c>sync</c>: a backend's groups as a desired state, and making a backend match one.</summary>
internal static class StateCommands
{
    /// <summary>The exit code of <c>plan --detailed-exitcode</c> when there are changes.</summary>
    public const int Changes = 2;

    public static Command Export(GlobalOptions options, UgcConsole console)
    {
        var backend = GlobalOptions.Backend();
        var output = new Option<string?>("--output", "-o") { Description = "Write the file here instead of standard output.", HelpName = "FILE" };
        var command = new Command("export", "The backend's groups as a desired-state file: names, comments, parents and members by user name.") { backend, output };
        CommandRun.Action(command, options, console, async (run, parse, cancellationToken) =>
        {
            var target = run.Session.Backend(parse.GetRequiredValue(backend));
            var (state, notes) = await BackendState.ReadAsync(run.Session, target, members: true, cancellationToken);
            foreach (var note in notes)
            {
                await console.Error.WriteLineAsync($"note: {note.Message}");
            }

            using var buffer = new MemoryStream();
            await state.WriteAsync(buffer, cancellationToken);
            var text = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(Path.GetFullPath(file, console.CurrentDirectory), text + Environment.NewLine, cancellationToken);
            }
            else
            {
                await console.Out.WriteLineAsync(text);
            }

            return CommandRun.Success;
        });
        return command;
    }

    public static Command Plan(GlobalOptions options, UgcConsole console)
    {
        var backend = GlobalOptions.Backend();
        var file = DesiredFile();
        var prune = Prune();
        var detailed = new Option<bool>("--detailed-exitcode") { Description = "Exit 0 when there is nothing to change, 2 when there is, 1 on an error." };
        var command = new Command("plan", "What apply would change, sending nothing.") { backend, file, prune, detailed };
        CommandRun.Action(command, options, console, async (run, parse, cancellationToken) =>
        {
            var target = run.Session.Backend(parse.GetRequiredValue(backend));
            var desired = await DesiredState.ReadAsync(Path.GetFullPath(parse.GetRequiredValue(file), console.CurrentDirectory), cancellationToken);
            var plan = await Planner.PlanAsync(run.Session, target, desired, new PlanOptions(Members: true, parse.GetValue(prune)), cancellationToken);
            PlanReport.Write(run.Output, plan, source: null, applied: false);
            return parse.GetValue(detailed) && plan.HasChanges ? Changes : CommandRun.Success;
        });
        return command;
    }

    public static Command Apply(GlobalOptions options, UgcConsole console)
    {
        var backend = GlobalOptions.Backend();
        var file = DesiredFile();
        var prune = Prune();
        var yes = Yes();
        var command = new Command("apply", "Makes the backend match the desired-state file.") { backend, file, prune, yes };
        CommandRun.Action(command, options, console, async (run, parse, cancellationToken) =>
        {
            var target = run.Session.Backend(parse.GetRequiredValue(backend));
            var desired = await DesiredState.ReadAsync(Path.GetFullPath(parse.GetRequiredValue(file), console.CurrentDirectory), cancellationToken);
            var plan = await Planner.PlanAsync(run.Session, target, desired, new PlanOptions(Members: true, parse.GetValue(prune)), cancellationToken);
            return await ApplyAsync(run, target, plan, source: null, parse.GetValue(yes), cancellationToken);
        });
        return command;
    }

    public static Command Sync(GlobalOptions options, UgcConsole console)
    {
        var from = new Option<string>("--from") { Description = "The source backend.", HelpName = "NAME", Required = true };
        var to = new Option<string>("--to") { Description = "The target backend.", HelpName = "NAME", Required = true };
        var members = new Option<bool>("--members") { Description = "Sync the members too, matched by unique user name." };
        var prune = Prune();
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would change, sending nothing." };
        var yes = Yes();
        var command = new Command("sync", "Makes the target's groups match the source's: names and comments, and members with --members.") { from, to, members, prune, dryRun, yes };
        CommandRun.Action(command, options, console, async (run, parse, cancellationToken) =>
        {
            var source = run.Session.Backend(parse.GetRequiredValue(from));
            var target = run.Session.Backend(parse.GetRequiredValue(to));
            if (source.Name == target.Name)
            {
                throw new UgcException("--from and --to name the same backend.");
            }

            var withMembers = parse.GetValue(members);
            var (state, sourceNotes) = await BackendState.ReadAsync(run.Session, source, withMembers, cancellationToken);
            // Parents are ids of the source's own; they mean nothing on another server.
            var desired = new DesiredState(state.Groups.Select(g => g with { Parent = null }).ToList());
            var plan = await Planner.PlanAsync(run.Session, target, desired, new PlanOptions(withMembers, parse.GetValue(prune)), cancellationToken);
            plan = plan with { Notes = [.. sourceNotes, .. plan.Notes] };
            if (parse.GetValue(dryRun))
            {
                PlanReport.Write(run.Output, plan, source.Name, applied: false);
                return CommandRun.Success;
            }

            return await ApplyAsync(run, target, plan, source.Name, parse.GetValue(yes), cancellationToken);
        });
        return command;
    }

    private static async Task<int> ApplyAsync(CommandRun run, UserGroupBackend target, Plan plan, string? source, bool yes, CancellationToken cancellationToken)
    {
        await Confirmation.RequireAsync(run, plan, yes, cancellationToken);
        bool complete;
        if (run.Output.Json || run.Console.Plain || plan.Changes.Count < 2)
        {
            complete = await Applier.ApplyAsync(run.Session, target, plan, progress: null, cancellationToken);
        }
        else
        {
            complete = await run.Output.Ansi.Progress().StartAsync(async context =>
            {
                // The description is Spectre markup: unescaped, a backend name such as "ops[eu]" made the progress display throw (malformed markup), failing the apply without its report.
                var task = context.AddTask($"Applying to {Markup.Escape(target.Name)}", maxValue: plan.Changes.Count);
                return await Applier.ApplyAsync(run.Session, target, plan, _ => task.Increment(1), cancellationToken);
            });
        }

        PlanReport.Write(run.Output, plan, source, applied: true);
        if (!complete)
        {
            // Stryker disable once Linq : an incomplete apply has marked exactly one change failed (Applier stops there), so First, FirstOrDefault and Last find the same one.
            var failed = plan.Changes.First(c => c.Status == ChangeStatus.Failed);
            await run.Console.Error.WriteLineAsync(
                $"ugc: {failed.Action} of '{failed.Group}' failed: {failed.Error} " +
                $"{plan.Changes.Count(c => c.Status == ChangeStatus.Done)} change(s) done, {plan.Changes.Count(c => c.Status == ChangeStatus.NotDone)} not done; run the same command again to finish.");
            return CommandRun.Failure;
        }

        return CommandRun.Success;
    }

    private static Option<string> DesiredFile() => new("--file", "-f") { Description = "The desired-state file (the format export writes; docs/cli.md).", HelpName = "FILE", Required = true };

    private static Option<bool> Prune() => new("--prune") { Description = "Delete the groups the desired state does not name, and remove the members it does not list." };

    private static Option<bool> Yes() => new("--yes", "-y") { Description = "Do not ask before --prune deletes." };
}
