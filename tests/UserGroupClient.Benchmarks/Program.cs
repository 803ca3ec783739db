using BenchmarkDotNet.Running;
using UserGroupClient.Benchmarks.Infrastructure;

namespace UserGroupClient.Benchmarks;

/// <summary>
/// Runs the benchmarks (BenchmarkDotNet arguments such as <c>--filter '*'</c> pass through), with <c>--short</c> for
/// the quick pass CI makes. <c>--emulator</c> is the child process that serves the loopback benchmarks, and
/// <c>--report FILE</c> rewrites the results section of the docs page from the last run's exports.
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

        if (args is ["--report", var page, ..])
        {
            return ResultsPage.Update(page, args.Length > 2 ? args[2] : BenchmarkSettings.DefaultArtifactsPath);
        }

        var settings = BenchmarkSettings.FromArguments(args);
        settings.Publish();
        PeakWorkingSet.Clear();
        await using var emulator = await EmulatorProcess.StartAsync().ConfigureAwait(false);
        emulator.Publish();
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(settings.BenchmarkArguments, BenchmarkSettings.CreateConfig(settings));
        return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
    }
}
