using System.Text.Json;

namespace UserGroupClient.Benchmarks.Infrastructure;

/// <summary>
/// The paired run of one benchmark class, over all its processes. Two contenders are compared round by round (their
/// blocks ran side by side): in each process the median over rounds of one's block time divided by the other's.
/// </summary>
internal sealed class PairedSummary
{
    private readonly List<PairedResult> _processes;

    private PairedSummary(List<PairedResult> processes) => _processes = processes;

    public string Type => _processes[0].Type;

    public string Parameters => _processes[0].Parameters;

    public string Baseline => _processes[0].Baseline;

    public long PageBytes => _processes[0].PageBytes;

    public int Pages => _processes[0].Pages;

    public IEnumerable<string> Methods => _processes[0].Contenders.Select(contender => contender.Method);

    public static List<PairedSummary> ReadAll(string artifactsPath)
    {
        var folder = Path.Combine(artifactsPath, PairedResult.FolderName);
        return !Directory.Exists(folder)
            ? []
            : Directory.GetFiles(folder, "*.json")
                .Select(file => JsonSerializer.Deserialize<PairedResult>(File.ReadAllText(file))!)
                .GroupBy(result => result.Type)
                .OrderBy(group => group.Key, StringComparer.Ordinal)
                .Select(group => new PairedSummary([.. group.OrderBy(result => result.Process)]))
                .ToList();
    }

    public string Title(string method) => Of(_processes[0], method).Title;

    /// <summary>The median time per operation over every block of every process.</summary>
    public double MedianNsPerOperation(string method) =>
        PairedRun.Median(_processes.SelectMany(process => Of(process, method).BlockNanoseconds.Select(ns => ns / process.OperationsPerBlock)));

    public double AllocatedBytesPerOperation(string method) => _processes.Average(process => Of(process, method).AllocatedBytesPerOperation);

    public double LargeObjectBytesPerOperation(string method) => _processes.Max(process => Of(process, method).LargeObjectBytesPerOperation);

    /// <summary>In each process, the median over rounds of <paramref name="method"/>'s block time divided by <paramref name="other"/>'s.</summary>
    public IReadOnlyList<double> RatiosPerProcess(string method, string other) =>
        _processes.Select(process => PairedRun.Median(Of(process, method).BlockNanoseconds.Zip(Of(process, other).BlockNanoseconds, (a, b) => a / b))).ToList();

    /// <summary>In each process, the median over rounds of <paramref name="method"/>'s time per operation minus <paramref name="other"/>'s.</summary>
    public IReadOnlyList<double> DifferencesPerProcess(string method, string other) =>
        _processes.Select(process => PairedRun.Median(Of(process, method).BlockNanoseconds.Zip(Of(process, other).BlockNanoseconds, (a, b) => (a - b) / process.OperationsPerBlock))).ToList();

    /// <summary>The ratio a verdict uses: the median of the processes' ratios.</summary>
    public double Ratio(string method, string other) => PairedRun.Median(RatiosPerProcess(method, other));

    private static PairedContender Of(PairedResult process, string method) => process.Contenders.Single(contender => contender.Method == method);
}
