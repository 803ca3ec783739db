namespace UserGroupClient.Benchmarks.Infrastructure;

/// <summary>
/// The machine's load average when a run starts and when it ends, kept beside the exports for the results page: the
/// machine is shared, and a loaded machine slows the loopback cases more than the in-memory ones.
/// </summary>
internal static class RunLoad
{
    public const string FileName = "load.txt";

    public static void RecordStart() => Write(File.WriteAllText, "start");

    public static void RecordEnd() => Write(File.AppendAllText, "end");

    /// <summary>The recorded lines, e.g. <c>start 2026-11-23 03:21 UTC: 0.52 0.80 1.10</c>.</summary>
    public static IReadOnlyList<string> Read(string artifactsPath)
    {
        var file = Path.Combine(artifactsPath, FileName);
        return File.Exists(file) ? File.ReadAllLines(file) : [];
    }

    private static void Write(Action<string, string> write, string moment)
    {
        // 1, 5 and 15-minute load averages; /proc/loadavg is Linux's, elsewhere the load is not recorded.
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        Directory.CreateDirectory(BenchmarkSettings.CurrentArtifactsPath);
        write(Path.Combine(BenchmarkSettings.CurrentArtifactsPath, FileName), Units.Invariant($"{moment} {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {load}\n"));
    }
}
