using System.CommandLine;
using UserGroupClient.Cli.Commands;

namespace UserGroupClient.Cli;

/// <summary>The <c>ugc</c> command line: its commands, and the one entry that runs them (the program's and the tests').</summary>
internal static class UgcApplication
{
    /// <summary>Parses <paramref name="args"/> and runs the command; returns the exit code (docs/cli.md).</summary>
    public static Task<int> RunAsync(string[] args, UgcConsole console, CancellationToken cancellationToken = default)
    {
        var options = new GlobalOptions();
        var root = new RootCommand("ugc: user groups on JumpServer, MinApp, Kylin and Owl servers, from the backends of a configuration file.")
        {
            options.Config,
            options.Json,
            BackendsCommand.Create(options, console),
            GroupsCommand.Create(options, console),
            MembersCommand.Create(options, console),
            StateCommands.Export(options, console),
            StateCommands.Plan(options, console),
            StateCommands.Apply(options, console),
            StateCommands.Sync(options, console),
            EmulatorCommand.Create(options, console),
        };
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, cancellationToken);
    }
}
