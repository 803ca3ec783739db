using System.Diagnostics;
using System.Globalization;

namespace UserGroupClient.Benchmarks.Infrastructure;

/// <summary>
/// Records a benchmark process's peak working set in the artifacts folder, where the results page picks it up.
/// Each benchmark case runs in a process of its own (except in the short mode), so the peak is that case's.
/// </summary>
internal static class PeakWorkingSet
{
    public const string FolderName = "peak-working-set";

    public static void Write(string type, string method, int parameter)
    {
        using var process = Process.GetCurrentProcess();
        var folder = Path.Combine(BenchmarkSettings.CurrentArtifactsPath, FolderName);
        Directory.CreateDirectory(folder);
        File.WriteAllText(
            Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{type}.{method}.{parameter}.txt")),
            process.PeakWorkingSet64.ToString(CultureInfo.InvariantCulture));
    }
}
