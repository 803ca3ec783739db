using System.Text.Json;

namespace UserGroupClient.Benchmarks.Infrastructure;

/// <summary>One case of BenchmarkDotNet's full JSON export: its mean and allocation, and its mean in each process.</summary>
internal sealed record BenchmarkRow(string Type, string Method, string Title, string Parameters, double MeanNs, double Allocated, IReadOnlyList<double> ProcessMeansNs)
{
    public (string, string, string) Key => (Type, Method, Parameters);

    public static BenchmarkRow From(JsonElement benchmark) => new(
        benchmark.GetProperty(nameof(Type)).GetString()!,
        benchmark.GetProperty(nameof(Method)).GetString()!,
        benchmark.GetProperty("MethodTitle").GetString()!.Trim('\''),
        benchmark.GetProperty(nameof(Parameters)).GetString() ?? "",
        benchmark.GetProperty("Statistics").GetProperty("Mean").GetDouble(),
        benchmark.GetProperty("Memory").GetProperty("BytesAllocatedPerOperation").GetDouble(),
        ProcessMeans(benchmark));

    // The per-operation results (overhead removed) of each launch, averaged per launch.
    private static List<double> ProcessMeans(JsonElement benchmark) =>
        benchmark.GetProperty("Measurements").EnumerateArray()
            .Where(m => m.GetProperty("IterationMode").GetString() == "Workload" && m.GetProperty("IterationStage").GetString() == "Result")
            .GroupBy(m => m.GetProperty("LaunchIndex").GetInt32())
            .OrderBy(launch => launch.Key)
            .Select(launch => launch.Average(m => m.GetProperty("Nanoseconds").GetDouble() / m.GetProperty("Operations").GetDouble()))
            .ToList();
}
