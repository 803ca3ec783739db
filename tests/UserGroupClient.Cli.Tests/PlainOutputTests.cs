using System.Text.Json.Nodes;
using Spectre.Console;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.Cli.Tests;

/// <summary>Output that is no terminal, or a terminal with NO_COLOR set, is plain: a table is 200 columns wide, whatever a terminal's width.</summary>
public sealed class PlainOutputTests
{
    private static readonly string LongComment = string.Join(' ', Enumerable.Repeat("on call for the platform", 4));

    [Fact]
    public async Task APipedTableKeepsALongRowOnOneLine()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        jms.AddGroup("platform", comment: LongComment);
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });

        var result = await ugc.RunAsync("groups", "list", "--backend", "ops");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(Lines(result.Output), line => line.Contains("platform", StringComparison.Ordinal) && line.Contains(LongComment, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AValueAGroupDoesNotHaveIsABlankCell()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var group = jms.AddGroup("data");
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });

        var result = await ugc.RunAsync("groups", "list", "--backend", "ops");

        Assert.Equal(0, result.ExitCode);
        var row = Assert.Single(Lines(result.Output), line => line.Contains(group.Id, StringComparison.Ordinal));
        var cells = row.Split('│').Select(cell => cell.Trim()).ToArray();
        Assert.Equal([group.Id, "data", "", ""], cells[1..5]);
    }

    [Fact]
    public async Task NoColorMakesATerminalPlain()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        jms.AddGroup("platform", comment: LongComment);
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });
        var terminal = new OwnConsole(ugc.Folder) { OutputIsTerminal = true, Environment = new Dictionary<string, string> { ["NO_COLOR"] = "1" } };

        var result = await terminal.RunAsync("groups", "list", "--backend", "ops");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(Lines(result.Output), line => line.Contains("platform", StringComparison.Ordinal) && line.Contains(LongComment, StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', result.Output);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task ATerminalWithoutNoColorKeepsTheWidthSpectreDetects(string? noColor)
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        jms.AddGroup("platform", comment: LongComment);
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });
        var environment = new Dictionary<string, string>();
        if (noColor is not null)
        {
            environment["NO_COLOR"] = noColor;
        }

        var terminal = new OwnConsole(ugc.Folder) { OutputIsTerminal = true, Environment = environment };

        var result = await terminal.RunAsync("groups", "list", "--backend", "ops");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Contains("platform", result.Output, StringComparison.Ordinal);
        var detected = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) }).Profile.Width;
        Assert.All(Lines(result.Output), line => Assert.InRange(line.Length, 0, detected));
    }

    private static string[] Lines(string text) => text.Split(Environment.NewLine);
}
