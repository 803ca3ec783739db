using BenchmarkDotNet.Running;
using UserGroupClient.Benchmarks.Infrastructure;

namespace UserGroupClient.Benchmarks;

/// <summary>
/// Runs the benchmarks (BenchmarkDotNet arguments such as <c>--filter '*'</c> pass through), with <c>--short</c> for
/// the quick pass CI makes. After BenchmarkDotNet, the loopback classes it ran are measured again in a paired run
/// (<see cref="PairedProcesses"/>). <c>--emulator</c> is the child process that serves the loopback benchmarks,
/// <c>--paired</c> a child process of the paired run, and <c>--report FILE</c> rewrites the results section of the
/// docs page from the last run's exports.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["--emulator", ..])
        {
            await EmulatorHostMode.RunAsync(args[1..]).ConfigureAwait(false);
            return 0;
        }

        if (args is ["--paired", var process, .. var typeNames])
        {
            await PairedProcesses.RunChildAsync(process, typeNames).ConfigureAwait(false);
            return 0;
        }

        if (args is ["--report", var page, ..])
        {
            return ResultsPage.Update(page, args.Length > 2 ? args[2] : BenchmarkSettings.DefaultArtifactsPath);
        }

        var settings = BenchmarkSettings.FromArguments(args);
        settings.Publish();
        PeakWorkingSet.Clear();
        RunLoad.RecordStart();
        await using var emulator = await EmulatorProcess.StartAsync().ConfigureAwait(false);
        emulator.Publish();
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(settings.BenchmarkArguments, BenchmarkSettings.CreateConfig(settings)).ToList();
        var failed = summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success));
        var ran = summaries.SelectMany(summary => summary.BenchmarksCases).Select(benchmark => benchmark.Descriptor.Type).Distinct().ToList();
        var pairedSucceeded = await PairedProcesses.RunAsync(ran).ConfigureAwait(false);
        RunLoad.RecordEnd();
        return failed || !pairedSucceeded ? 1 : 0;
    }
}
