namespace UserGroupClient.Cli.Tests;

/// <summary>
/// Reads the plain-text tables the tool prints when its output is no terminal: the header and each row as cells. A cell
/// wrapped onto more lines is joined back with a space (a wrap breaks at a space).
/// </summary>
internal static class TextTable
{
    public static IReadOnlyList<string[]> Rows(string output)
    {
        var rows = new List<string[]>();
        foreach (var line in output.Split('\n').Select(l => l.TrimEnd()).Where(l => l.StartsWith('│')))
        {
            var cells = line.Trim('│').Split('│').Select(c => c.Trim()).ToArray();
            if (rows.Count > 0 && cells[0].Length == 0)
            {
                var previous = rows[^1];
                rows[^1] = previous.Zip(cells, (a, b) => b.Length == 0 ? a : $"{a} {b}").ToArray();
            }
            else
            {
                rows.Add(cells);
            }
        }

        return rows;
    }
}
