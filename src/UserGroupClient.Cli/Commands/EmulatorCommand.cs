using System.CommandLine;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using UserGroupClient.Cli.Emulators;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.Cli.Commands;

/// <summary>
/// <c>ugc emulator DIALECT [--port N] [--kylin-flavor FLAVOR]</c>: one emulator on 127.0.0.1 until Ctrl+C or SIGTERM, so the tool and the SDK
/// can be tried without a server. It needs no configuration file: it prints the entry of one.
/// </summary>
internal static class EmulatorCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(GlobalOptions options, UgcConsole console)
    {
        var dialect = new Argument<UserGroupBackendDialect>("DIALECT")
        {
            Description = "Which server to emulate: JumpServer, MinApp, Kylin (see --kylin-flavor), OwlHostGroups or OwlUserGroups (both start the Owl emulator).",
        };
        var kylinFlavor = new Option<KylinEmulatorFlavor>("--kylin-flavor")
        {
            Description = "With Kylin: which Kylin the emulator plays (Kap3, the default, Apache3, Apache4, KyligenceEnterprise4 or Kylin5); the printed entry names that flavor.",
            HelpName = "FLAVOR",
        };
        var port = new Option<int>("--port")
        {
            Description = "The port on 127.0.0.1 to listen on; 0 (the default) takes a free one.",
            HelpName = "N",
        };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > IPEndPoint.MaxPort)
            {
                result.AddError($"--port must be between 0 and {IPEndPoint.MaxPort}.");
            }
        });
        var command = new Command("emulator", "Runs an emulated server on 127.0.0.1 until Ctrl+C, printing its address, credentials and a backend entry for ugc.json.") { dialect, port, kylinFlavor };
        command.SetAction(async (parse, cancellationToken) =>
        {
            StandaloneEmulator emulator;
            try
            {
                emulator = await StandaloneEmulator.StartAsync(parse.GetValue(dialect), parse.GetValue(port), parse.GetValue(kylinFlavor), cancellationToken);
            }
            catch (IOException exception)
            {
                await console.Error.WriteLineAsync($"ugc: cannot listen on 127.0.0.1:{parse.GetValue(port)}: {exception.Message}");
                return CommandRun.Failure;
            }

            await using (emulator)
            {
                // The system console's Out flushes every write itself, so whoever reads a pipe has the entry at once.
                await console.Out.WriteLineAsync(Describe(emulator, parse.GetValue(options.Json)));

                // Only Ctrl+C or SIGTERM (which cancel this token) stop it: standard input is never read, so a closed one
                // (a background job, a service) keeps the server up.
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                }
            }

            await console.Error.WriteLineAsync("ugc: emulator stopped.");
            return CommandRun.Success;
        });
        return command;
    }

    private static string Describe(StandaloneEmulator emulator, bool json)
    {
        var configuration = new JsonObject { ["Backends"] = new JsonObject { [emulator.BackendName] = emulator.Entry.DeepClone() } };
        var credentials = (JsonObject)emulator.Entry["Credentials"]!;
        if (json)
        {
            return new JsonObject
            {
                ["dialect"] = (string)emulator.Entry["Dialect"]!,
                ["address"] = emulator.Address.ToString(),
                ["credentials"] = credentials.DeepClone(),
                ["configuration"] = configuration,
            }.ToJsonString(Indented);
        }

        var logins = string.Join(", ", credentials.Where(p => p.Key != "Type").Select(p => $"{p.Key} {p.Value}"));
        return $"""
            {emulator.Entry["Dialect"]} emulator listening on {emulator.Address} (Ctrl+C stops it).
            Credentials ({credentials["Type"]}): {logins}
            A ugc.json for it (then: ugc backends):
            {configuration.ToJsonString(Indented)}
            """;
    }
}
