namespace UserGroupClient.Cli.Tests;

/// <summary>
/// Runs the tool in-process in <see cref="Ugc.Folder"/> as a terminal session would: which of its streams are a
/// terminal, and what the user types. Colour is off (NO_COLOR), so the output stays plain text.
/// </summary>
internal static class TerminalUgc
{
    public static async Task<UgcResult> RunAsync(Ugc ugc, bool inputIsTerminal, bool outputIsTerminal, string typed, params string[] args)
    {
        using var input = new StringReader(typed);
        return await Ugc.RunAsync(
            (output, error) => new UgcConsole
            {
                Out = output,
                Error = error,
                In = input,
                InputIsTerminal = inputIsTerminal,
                OutputIsTerminal = outputIsTerminal,
                Environment = new Dictionary<string, string> { ["NO_COLOR"] = "1" },
                CurrentDirectory = ugc.Folder,
                UserConfigDirectory = Path.Combine(ugc.Folder, "no-user-config"),
            },
            args);
    }
}
