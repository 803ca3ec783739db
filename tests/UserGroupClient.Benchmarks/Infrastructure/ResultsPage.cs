using System.Globalization;
using System.Text;
using System.Text.Json;

namespace UserGroupClient.Benchmarks.Infrastructure;

/// <summary>
/// Rewrites the results section of the docs page (between its two markers) from a run's exports: the machine, every
/// benchmark's mean and allocation, and each target's verdict computed from those numbers.
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

        var rows = new List<Row>();
        string? machine = null;
        foreach (var export in exports.OrderBy(File.GetLastWriteTimeUtc))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(export));
            machine = Machine(document.RootElement.GetProperty("HostEnvironmentInfo"));
            foreach (var benchmark in document.RootElement.GetProperty("Benchmarks").EnumerateArray())
            {
                rows.RemoveAll(row => row.Key == Row.KeyOf(benchmark));
                rows.Add(Row.From(benchmark));
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

        var section = Render(machine!, rows, Path.Combine(artifactsPath, PeakWorkingSet.FolderName));
        File.WriteAllText(pagePath, page[..(start + Begin.Length)] + "\n" + section + page[end..]);
        Console.WriteLine($"report: {pagePath} updated from {exports.Length} export(s).");
        return 0;
    }

    private static string Machine(JsonElement host) => string.Create(
        CultureInfo.InvariantCulture,
        $"{host.GetProperty("ProcessorName").GetString()}, {host.GetProperty("LogicalCoreCount").GetInt32()} logical cores; {host.GetProperty("OsVersion").GetString()}; {host.GetProperty("RuntimeVersion").GetString()}; {host.GetProperty("BenchmarkDotNetCaption").GetString()} {host.GetProperty("BenchmarkDotNetVersion").GetString()}");

    private static string Render(string machine, List<Row> rows, string peakFolder)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Machine: {machine}. Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.\n\n");
        text.Append("| benchmark | case | parameters | mean | allocated / op |\n|---|---|---|---:|---:|\n");
        foreach (var row in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {row.Type.Replace("Benchmarks", "", StringComparison.Ordinal)} | {row.Title} | {row.Parameters} | {Time(row.MeanNs)} | {Bytes(row.Allocated)} |\n");
        }

        text.Append("\n| # | target | measured | verdict |\n|---|---|---|---|\n");
        foreach (var (number, target, measured, met) in Verdicts(rows, peakFolder))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {number} | {target} | {measured} | {(met is null ? "n/a" : met.Value ? "met" : "**not met**")} |\n");
        }

        return text.ToString();
    }

    private static IEnumerable<(int Number, string Target, string Measured, bool? Met)> Verdicts(List<Row> rows, string peakFolder)
    {
        Row? Find(string type, string method, string parameters = "") =>
            rows.FirstOrDefault(row => row.Type == type && row.Method == method && row.Parameters == parameters);

        if (Find("GetGroupOverStubBenchmarks", "RawHttpClient") is { } stubRaw && Find("GetGroupOverStubBenchmarks", "Sdk") is { } stubSdk)
        {
            var time = stubSdk.MeanNs - stubRaw.MeanNs;
            var bytes = stubSdk.Allocated - stubRaw.Allocated;
            yield return (1, "SDK adds ≤ 2 µs and ≤ 1 KB per call over raw (in-memory stub)", $"+{Time(time)}, +{Bytes(bytes)}", time <= 2_000 && bytes <= 1_024);
        }

        if (Find("GetGroupOverLoopbackBenchmarks", "RawHttpClient") is { } raw && Find("GetGroupOverLoopbackBenchmarks", "Sdk") is { } sdk)
        {
            var ratio = sdk.MeanNs / raw.MeanNs;
            var bytes = sdk.Allocated - raw.Allocated;
            yield return (2, "SDK mean ≤ 1.05 × raw, allocations ≤ raw + 1 KB (loopback)", string.Create(CultureInfo.InvariantCulture, $"{ratio:0.000} ×, +{Bytes(bytes)}"), ratio <= 1.05 && bytes <= 1_024);
            if (Find("GetGroupOverLoopbackBenchmarks", "RestSharp") is { } rest)
            {
                yield return (2, "SDK ahead of RestSharp on time and allocations", $"SDK {Time(sdk.MeanNs)} / {Bytes(sdk.Allocated)}, RestSharp {Time(rest.MeanNs)} / {Bytes(rest.Allocated)}", sdk.MeanNs < rest.MeanNs && sdk.Allocated < rest.Allocated);
            }
        }

        if (Find("SigningBenchmarks", "SignRequest") is { } signing)
        {
            yield return (3, "Access Key signing of one request ≤ 1.5 µs and ≤ 512 B", $"{Time(signing.MeanNs)}, {Bytes(signing.Allocated)}", signing.MeanNs <= 1_500 && signing.Allocated <= 512);
        }

        var streaming = rows.Where(row => row.Type == "ListGroupsStreamingBenchmarks").Select(row => row.Parameters).Distinct().OrderBy(Groups).ToList();
        var perGroup = new List<double>();
        foreach (var parameters in streaming)
        {
            if (Find("ListGroupsStreamingBenchmarks", "RawPagingLoop", parameters) is { } loop && Find("ListGroupsStreamingBenchmarks", "Sdk", parameters) is { } stream)
            {
                var groups = Groups(parameters);
                var throughput = loop.MeanNs / stream.MeanNs;
                perGroup.Add((double)stream.Allocated / groups);
                // Issue 7 sets the throughput target at 100,000 groups; smaller counts are measured for the memory comparison.
                var judged = groups >= 100_000;
                yield return (4, string.Create(CultureInfo.InvariantCulture, $"{groups:N0} groups: throughput{(judged ? " ≥ 0.9 ×" : " vs")} raw paging loop"),
                    string.Create(CultureInfo.InvariantCulture, $"{throughput:0.000} × ({groups / (stream.MeanNs / 1e9):N0} groups/s); {stream.Allocated / (double)groups:N0} B/group (raw {loop.Allocated / (double)groups:N0}); peak working set SDK {Peak(peakFolder, "Sdk", groups)}, raw {Peak(peakFolder, "RawPagingLoop", groups)}"),
                    judged ? throughput >= 0.9 : null);
            }
        }

        if (perGroup.Count > 1)
        {
            var growth = perGroup[^1] / perGroup[0];
            yield return (4, "memory does not grow with the number of groups (bytes per group, largest vs smallest count)", string.Create(CultureInfo.InvariantCulture, $"{growth:0.00} ×"), growth <= 1.1);
        }

        if (Find("ConcurrentCallersBenchmarks", "RawHttpClient") is { } many && Find("ConcurrentCallersBenchmarks", "Sdk") is { } manySdk)
        {
            var throughput = many.MeanNs / manySdk.MeanNs;
            yield return (5, "64 concurrent callers: throughput ≥ 0.9 × raw", string.Create(CultureInfo.InvariantCulture, $"{throughput:0.000} × ({1e9 / manySdk.MeanNs:N0} calls/s vs {1e9 / many.MeanNs:N0})"), throughput >= 0.9);
        }
    }

    private static int Groups(string parameters) => int.Parse(parameters.Split('=')[1], CultureInfo.InvariantCulture);

    private static string Peak(string folder, string method, int groups)
    {
        var file = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"ListGroupsStreamingBenchmarks.{method}.{groups}.txt"));
        return File.Exists(file) ? Bytes(double.Parse(File.ReadAllText(file), CultureInfo.InvariantCulture)) : "not recorded";
    }

    private static string Time(double ns) => Math.Abs(ns) switch
    {
        >= 1e9 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1e9:0.000} s"),
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1e6:0.000} ms"),
        >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1e3:0.000} µs"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ns:0.0} ns"),
    };

    private static string Bytes(double bytes) => Math.Abs(bytes) switch
    {
        >= 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1 << 20):0.0} MB"),
        >= 1 << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024:0.00} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:0} B"),
    };

    private sealed record Row(string Type, string Method, string Title, string Parameters, double MeanNs, double Allocated)
    {
        public (string, string, string) Key => (Type, Method, Parameters);

        public static (string, string, string) KeyOf(JsonElement benchmark) =>
            (benchmark.GetProperty(nameof(Type)).GetString()!, benchmark.GetProperty(nameof(Method)).GetString()!, benchmark.GetProperty(nameof(Parameters)).GetString() ?? "");

        public static Row From(JsonElement benchmark) => new(
            benchmark.GetProperty(nameof(Type)).GetString()!,
            benchmark.GetProperty(nameof(Method)).GetString()!,
            benchmark.GetProperty("MethodTitle").GetString()!.Trim('\''),
            benchmark.GetProperty(nameof(Parameters)).GetString() ?? "",
            benchmark.GetProperty("Statistics").GetProperty("Mean").GetDouble(),
            benchmark.GetProperty("Memory").GetProperty("BytesAllocatedPerOperation").GetDouble());
    }
}
