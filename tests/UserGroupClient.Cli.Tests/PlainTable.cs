namespace UserGroupClient.Cli.Tests;

/// <summary>Reads the plain-text output of a command that writes a table: its rows as cells, and the lines around it.</summary>
internal static class PlainTable
{
    /// <summary>The table's rows, header first, each as its trimmed cells.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Rows(string output) =>
        output.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.StartsWith('│'))
            .Select(line => (IReadOnlyList<string>)line.Trim('│').Split('│').Select(cell => cell.Trim()).ToList()).ToList();

    /// <summary>The lines that are no part of a table: neither rows nor borders, nor empty.</summary>
    public static IReadOnlyList<string> Lines(string output) =>
        output.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0 && !"│╭╰├".Contains(line[0], StringComparison.Ordinal)).ToList();
}
