using System.Text;
using System.Text.Json;

namespace UserGroupClient.Benchmarks.Infrastructure;

/// <summary>
/// Rewrites the results section of the docs page (between its two markers) from a run's exports: the machine and
/// its load, every benchmark's mean and allocation (and its mean in each process), the paired runs, and each target's
/// verdict computed from those numbers (<see cref="Verdicts"/>).
/// </summary>
internal static class ResultsPage
{
    private const string Begin = "<!-- results:begin (written by the benchmarks' --report mode) -->";
    private const string End = "<!-- results:end -->";

    public static int Update(string pagePath, string artifactsPath)
    {
        var results = Path.Combine(artifactsPath, "results");
        var exports = Directory.Exists(results) ? Directory.GetFiles(results, "*-report-full.json") : [];
        if (exports.Length == 0)
        {
            Console.Error.WriteLine($"report: no *-report-full.json in {results}; run the benchmarks first.");
            return 1;
        }

        var rows = new List<BenchmarkRow>();
        string? machine = null;
        foreach (var export in exports.OrderBy(File.GetLastWriteTimeUtc))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(export));
            machine = Machine(document.RootElement.GetProperty("HostEnvironmentInfo"));
            foreach (var benchmark in document.RootElement.GetProperty("Benchmarks").EnumerateArray())
            {
                var row = BenchmarkRow.From(benchmark);
                rows.RemoveAll(earlier => earlier.Key == row.Key);
                rows.Add(row);
            }
        }

        var page = File.ReadAllText(pagePath);
        var start = page.IndexOf(Begin, StringComparison.Ordinal);
        var end = page.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            Console.Error.WriteLine($"report: {pagePath} has no '{Begin}' … '{End}' section.");
            return 1;
        }

        var section = Render(machine!, RunLoad.Read(artifactsPath), rows, PairedSummary.ReadAll(artifactsPath), Path.Combine(artifactsPath, PeakWorkingSet.FolderName));
        File.WriteAllText(pagePath, page[..(start + Begin.Length)] + "\n" + section + page[end..]);
        Console.WriteLine($"report: {pagePath} updated from {exports.Length} export(s).");
        return 0;
    }

    private static string Machine(JsonElement host) => Units.Invariant(
        $"{host.GetProperty("ProcessorName").GetString()}, {host.GetProperty("LogicalCoreCount").GetInt32()} logical cores; {host.GetProperty("OsVersion").GetString()}; {host.GetProperty("RuntimeVersion").GetString()}; {host.GetProperty("BenchmarkDotNetCaption").GetString()} {host.GetProperty("BenchmarkDotNetVersion").GetString()}");

    private static string Render(string machine, IReadOnlyList<string> load, List<BenchmarkRow> rows, List<PairedSummary> paired, string peakFolder)
    {
        var text = new StringBuilder();
        text.Append(Units.Invariant($"Machine: {machine}. Report written {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.\n"));
        if (load.Count > 0)
        {
            text.Append("Load average (1, 5, 15 min) at the run's ").Append(string.Join("; at its ", load)).Append(".\n");
        }

        text.Append("\n| benchmark | case | parameters | mean | mean per process | allocated / op |\n|---|---|---|---:|---|---:|\n");
        foreach (var row in rows)
        {
            text.Append(Units.Invariant($"| {Short(row.Type)} | {row.Title} | {row.Parameters} | {Units.Time(row.MeanNs)} | {string.Join(" / ", row.ProcessMeansNs.Select(Units.Time))} | {Units.Bytes(row.Allocated)} |\n"));
        }

        if (paired.Count > 0)
        {
            text.Append("\nPaired runs (blocks of each case alternating in one process; ratios are medians over rounds of a block's time divided by the baseline's block in the same round, one per process):\n");
            text.Append("\n| benchmark | case | parameters | median / op | vs baseline, per process | allocated / op |\n|---|---|---|---:|---|---:|\n");
            foreach (var summary in paired)
            {
                foreach (var method in summary.Methods)
                {
                    var ratios = method == summary.Baseline ? "baseline" : string.Join(", ", summary.RatiosPerProcess(method, summary.Baseline).Select(Units.Ratio));
                    text.Append(Units.Invariant($"| {Short(summary.Type)} | {summary.Title(method)} | {summary.Parameters} | {Units.Time(summary.MedianNsPerOperation(method))} | {ratios} | {Units.Bytes(summary.AllocatedBytesPerOperation(method))} |\n"));
                }
            }
        }

        text.Append("\n| # | target | measured | verdict |\n|---|---|---|---|\n");
        foreach (var verdict in Verdicts.Judge(rows, paired, peakFolder))
        {
            text.Append(Units.Invariant($"| {verdict.Number} | {verdict.Target} | {verdict.Measured} | {(verdict.Met is null ? "n/a" : verdict.Met.Value ? "met" : "**not met**")} |\n"));
        }

        return text.ToString();
    }

    private static string Short(string type) => type.Replace("Benchmarks", "", StringComparison.Ordinal);
}
