using System.Text.Json.Serialization.Metadata;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace UserGroupClient.Cli.Output;

/// <summary>
/// Where a command's result goes: a Spectre.Console table for people (no colour and no animation when the output is no
/// terminal or NO_COLOR is set), or with <c>--json</c> one JSON document of the schema in docs/cli.md.
/// </summary>
internal sealed class CliOutput
{
    private readonly UgcConsole _console;

    public CliOutput(UgcConsole console, bool json)
    {
        _console = console;
        Json = json;
        Ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Out),
            Ansi = console.Plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = console.Plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = console.Plain ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (console.Plain)
        {
            // A pipe or a file has no width to detect; a wide one keeps a table's rows on one line each.
            Ansi.Profile.Width = 200;
        }
    }

    public bool Json { get; }

    public IAnsiConsole Ansi { get; }

    public void Write<T>(T value, JsonTypeInfo<T> type)
    {
        _console.Out.WriteLine(JsonSerializer.Serialize(value, type));
    }

    public void Write(IRenderable renderable) => Ansi.Write(renderable);

    public void Line(string text) => Ansi.WriteLine(text);

    public static Table Table(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(column)));
        }

        return table;
    }

    public static void Row(Table table, params string?[] cells) => table.AddRow(cells.Select(cell => new Text(cell ?? "")).ToArray());
}
