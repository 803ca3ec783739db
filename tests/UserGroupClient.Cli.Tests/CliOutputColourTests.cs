using Spectre.Console;
using UserGroupClient.Cli.Output;

namespace UserGroupClient.Cli.Tests;

/// <summary>
/// Colour and animation: none when the output is plain (no terminal, or NO_COLOR set); on a terminal, whatever Spectre
/// detects there (its TERM, its CI), as any Spectre.Console program gets.
/// </summary>
public sealed class CliOutputColourTests
{
    [Theory]
    [InlineData(false, null)]
    [InlineData(true, "1")]
    public void PlainOutputWritesMarkupWithoutColourAndIsNotInteractive(bool terminal, string? noColor)
    {
        using var writer = new StringWriter();
        var output = new CliOutput(Console(writer, terminal, noColor), json: false);

        output.Ansi.MarkupLine("[red]alert[/] [bold green]done[/]");

        Assert.Equal("alert done" + Environment.NewLine, writer.ToString());
        Assert.False(output.Ansi.Profile.Capabilities.Interactive);
        Assert.Equal(ColorSystem.NoColors, output.Ansi.Profile.Capabilities.ColorSystem);
    }

    [Fact]
    public void ATerminalsColourAndInteractivityAreWhatSpectreDetects()
    {
        using var writer = new StringWriter();
        using var detectedWriter = new StringWriter();
        var output = new CliOutput(Console(writer, terminal: true, noColor: null), json: false);
        var detected = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(detectedWriter) });

        output.Ansi.MarkupLine("[red]alert[/] [bold green]done[/]");
        detected.MarkupLine("[red]alert[/] [bold green]done[/]");

        Assert.Equal(detectedWriter.ToString(), writer.ToString());
        Assert.Equal(detected.Profile.Capabilities.Interactive, output.Ansi.Profile.Capabilities.Interactive);
        Assert.Equal(detected.Profile.Capabilities.ColorSystem, output.Ansi.Profile.Capabilities.ColorSystem);
        Assert.Equal(detected.Profile.Capabilities.Ansi, output.Ansi.Profile.Capabilities.Ansi);
    }

    private static UgcConsole Console(TextWriter writer, bool terminal, string? noColor) => new()
    {
        Out = writer,
        Error = TextWriter.Null,
        OutputIsTerminal = terminal,
        Environment = noColor is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["NO_COLOR"] = noColor },
        CurrentDirectory = Path.GetTempPath(),
    };
}
