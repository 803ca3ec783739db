using System.Diagnostics;
using System.Globalization;

namespace UserGroupClient.Benchmarks.Infrastructure;

/// <summary>
/// Records a benchmark case's peak working set in the artifacts folder, where the results page picks it up. Each case
/// runs in processes of its own (except in the short and quick modes); the highest peak of its processes is kept.
/// </summary>
internal static class PeakWorkingSet
{
    public const string FolderName = "peak-working-set";

    public static void Write(string type, string method, int parameter)
    {
        using var process = Process.GetCurrentProcess();
        var folder = Path.Combine(BenchmarkSettings.CurrentArtifactsPath, FolderName);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{type}.{method}.{parameter}.txt"));
        var earlier = File.Exists(file) ? long.Parse(File.ReadAllText(file), CultureInfo.InvariantCulture) : 0;
        File.WriteAllText(file, Math.Max(earlier, process.PeakWorkingSet64).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Forgets the peaks of earlier runs, so that a run records only its own.</summary>
    public static void Clear()
    {
        var folder = Path.Combine(BenchmarkSettings.CurrentArtifactsPath, FolderName);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
