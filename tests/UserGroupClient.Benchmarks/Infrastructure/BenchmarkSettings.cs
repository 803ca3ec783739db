using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace UserGroupClient.Benchmarks.Infrastructure;

/// <summary>
/// What one run uses, set by the host process and read back (through environment variables, which BenchmarkDotNet's
/// child processes inherit) by the benchmarks.
/// </summary>
public sealed class BenchmarkSettings
{
    /// <summary>Where BenchmarkDotNet writes its exports unless <c>--artifacts</c> says otherwise.</summary>
    public const string DefaultArtifactsPath = "BenchmarkDotNet.Artifacts";

    private const string ShortVariable = "UGC_BENCH_SHORT";
    private const string QuickVariable = "UGC_BENCH_QUICK";
    private const string ArtifactsVariable = "UGC_BENCH_ARTIFACTS";

    private BenchmarkSettings(bool isShort, bool isQuick, string artifactsPath, string[] benchmarkArguments)
    {
        IsShort = isShort;
        IsQuick = isQuick;
        ArtifactsPath = artifactsPath;
        BenchmarkArguments = benchmarkArguments;
    }

    /// <summary>The quick pass: one invocation per benchmark, in-process, small data.</summary>
    public bool IsShort { get; }

    /// <summary>A quick look while tuning: in-process, few iterations; numbers indicative only.</summary>
    public bool IsQuick { get; }

    /// <summary>Where exports and the working-set files go (absolute).</summary>
    public string ArtifactsPath { get; }

    /// <summary>The arguments for BenchmarkDotNet.</summary>
    public string[] BenchmarkArguments { get; }

    /// <summary>Whether this process runs the quick pass.</summary>
    public static bool CurrentIsShort => Environment.GetEnvironmentVariable(ShortVariable) == "1";

    /// <summary>Whether this process runs the quick look.</summary>
    public static bool CurrentIsQuick => Environment.GetEnvironmentVariable(QuickVariable) == "1";

    /// <summary>Where this run's artifacts go.</summary>
    public static string CurrentArtifactsPath => Environment.GetEnvironmentVariable(ArtifactsVariable) ?? Path.GetFullPath(DefaultArtifactsPath);

    /// <summary>Group counts the streaming benchmark lists: two, so that growth with the count would show.</summary>
    public static IReadOnlyList<int> StreamingGroupCounts => CurrentIsShort ? [2_000] : [10_000, 100_000];

    public static BenchmarkSettings FromArguments(string[] args)
    {
        var isShort = args.Contains("--short");
        var isQuick = args.Contains("--quick");
        var rest = args.Where(arg => arg is not "--short" and not "--quick").ToList();
        var artifactsIndex = rest.IndexOf("--artifacts");
        var artifacts = artifactsIndex >= 0 && artifactsIndex + 1 < rest.Count ? rest[artifactsIndex + 1] : DefaultArtifactsPath;
        if (!rest.Contains("--filter") && !rest.Contains("--list"))
        {
            // Without a filter BenchmarkDotNet asks interactively; the documented command runs everything.
            rest.AddRange(["--filter", "*"]);
        }

        return new BenchmarkSettings(isShort, isQuick, Path.GetFullPath(artifacts), [.. rest]);
    }

    /// <summary>
    /// The job of the documented run: each case in three processes of its own, fifteen measured iterations in each.
    /// On a machine of two cores shared with the emulator, loopback times move by 10–20 % from one process to the next
    /// (where the threads land, how the thread pools spin); three processes per case average that out, where more
    /// iterations in one process would not.
    /// </summary>
    private static Job FullJob => Job.Default.WithLaunchCount(3).WithWarmupCount(5).WithIterationCount(15).WithId("Full");

    public static IConfig CreateConfig(BenchmarkSettings settings)
    {
        var job = settings.IsShort
            ? Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("Short")
            : settings.IsQuick
                ? Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(8).WithId("Quick")
                : FullJob;
        return ManualConfig.CreateMinimumViable()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(JsonExporter.Full, MarkdownExporter.GitHub)
            .WithArtifactsPath(settings.ArtifactsPath)
            .WithOptions(ConfigOptions.DisableLogFile);
    }

    /// <summary>Makes the settings visible to the benchmark processes.</summary>
    public void Publish()
    {
        Environment.SetEnvironmentVariable(ShortVariable, IsShort ? "1" : "0");
        Environment.SetEnvironmentVariable(QuickVariable, IsQuick ? "1" : "0");
        Environment.SetEnvironmentVariable(ArtifactsVariable, ArtifactsPath);
    }
}
