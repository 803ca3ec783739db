using System.CommandLine;
using UserGroupClient.Cli.Output;

namespace UserGroupClient.Cli.Commands;

/// <summary><c>ugc backends</c>: the configured backends, and whether each answers one cheap authenticated call.</summary>
internal static class BackendsCommand
{
    public static Command Create(GlobalOptions options, UgcConsole console)
    {
        var command = new Command("backends", "The configured backends, and whether each answers (one authenticated request each: the first page of groups).");
        CommandRun.Action(command, options, console, RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(CommandRun run, ParseResult parse, CancellationToken cancellationToken)
    {
        var results = new List<BackendJson>();
        foreach (var backend in run.Session.All)
        {
            string? error = null;
            try
            {
                var groups = run.Session.Groups(backend);
                await using var first = groups.ListGroupsAsync(new UserGroupQuery { PageSize = 1 }, cancellationToken).GetAsyncEnumerator(cancellationToken);
                await first.MoveNextAsync();
            }
            catch (Exception exception) when (exception is UserGroupApiException or ArgumentException or Microsoft.Extensions.Options.OptionsValidationException or HttpRequestException)
            {
                error = exception.Message;
            }

            results.Add(new BackendJson(backend.Name, backend.Dialect.ToString(), run.Session.Address(backend), backend.HasUserDirectory, error is null, error));
        }

        if (run.Output.Json)
        {
            run.Output.Write(new BackendsJson(results), CliJsonContext.Default.BackendsJson);
        }
        else if (results.Count == 0)
        {
            run.Output.Line("No backend is configured (see --config and docs/cli.md).");
        }
        else
        {
            var table = CliOutput.Table("Backend", "Dialect", "Address", "Answers");
            foreach (var result in results)
            {
                CliOutput.Row(table, result.Name, result.Dialect, result.Address, result.Answers ? "yes" : "no: " + result.Error);
            }

            run.Output.Write(table);
        }

        return results.All(r => r.Answers) ? CommandRun.Success : CommandRun.Failure;
    }
}
