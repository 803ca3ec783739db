using System.CommandLine;
using Microsoft.Extensions.Options;
using UserGroupClient.Cli.Backends;
using UserGroupClient.Cli.Configuration;
using UserGroupClient.Cli.Output;

namespace UserGroupClient.Cli.Commands;

/// <summary>
/// One run of a command: its configuration, backends and output, and the one place failures become a line on standard
/// error and exit code 1. Secrets cannot reach that line: the SDK's exceptions never carry them, and configuration
/// errors name keys, not values.
/// </summary>
internal sealed class CommandRun
{
    public const int Success = 0;
    public const int Failure = 1;

    private CommandRun(UgcConsole console, BackendSession session, CliOutput output)
    {
        Console = console;
        Session = session;
        Output = output;
    }

    public UgcConsole Console { get; }

    public BackendSession Session { get; }

    public CliOutput Output { get; }

    /// <summary>Makes <paramref name="command"/> run <paramref name="body"/> within a run.</summary>
    public static void Action(Command command, GlobalOptions options, UgcConsole console, Func<CommandRun, ParseResult, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var configuration = UgcConfiguration.Load(parse.GetValue(options.Config), console);
                await using var session = BackendSession.Open(configuration);
                return await body(new CommandRun(console, session, new CliOutput(console, parse.GetValue(options.Json))), parse, cancellationToken);
            }
            catch (Exception exception) when (Reported(exception) is { } message)
            {
                await console.Error.WriteLineAsync($"ugc: {message}");
                return Failure;
            }
        });

    private static string? Reported(Exception exception) => exception switch
    {
        UgcException or UserGroupApiException or NotSupportedException or ArgumentException or OptionsValidationException => exception.Message,
        OperationCanceledException => "cancelled.",
        _ => null,
    };
}
