using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace UserGroupClient.Benchmarks.Infrastructure;

/// <summary>
/// Runs the paired measurement (<see cref="PairedRun"/>) of the classes BenchmarkDotNet just ran, after it, against
/// the same emulator: in the full run three times, each in a fresh process of its own, one after the other, so the
/// results page can show how much the paired ratio itself moves from one process to the next; in the short and quick
/// modes once, in this process.
/// </summary>
internal static class PairedProcesses
{
    public const int FullRunProcesses = 3;

    /// <returns>Whether every process succeeded.</returns>
    public static async Task<bool> RunAsync(IReadOnlyCollection<Type> benchmarkTypes)
    {
        var types = benchmarkTypes.Where(type => type.GetCustomAttribute<PairedAttribute>() is not null).OrderBy(type => type.Name, StringComparer.Ordinal).ToList();
        if (types.Count == 0)
        {
            return true;
        }

        Forget(types);
        if (BenchmarkSettings.CurrentIsShort || BenchmarkSettings.CurrentIsQuick)
        {
            await PairedRun.RunAsync(1, types).ConfigureAwait(false);
            return true;
        }

        for (var process = 1; process <= FullRunProcesses; process++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"paired: process {process} of {FullRunProcesses}: {string.Join(", ", types.Select(type => type.Name))}"));
            using var child = Process.Start(SelfProcess.StartInfo(["--paired", process.ToString(CultureInfo.InvariantCulture), .. types.Select(type => type.Name)]))
                ?? throw new InvalidOperationException("The paired process did not start.");
            await child.WaitForExitAsync().ConfigureAwait(false);
            if (child.ExitCode != 0)
            {
                Console.Error.WriteLine($"paired: process {process} exited with {child.ExitCode}.");
                return false;
            }
        }

        return true;
    }

    /// <summary>The child process's entry: one process of the paired run of the classes named.</summary>
    public static Task RunChildAsync(string process, IEnumerable<string> typeNames)
    {
        var types = typeNames.Select(name => typeof(PairedProcesses).Assembly.GetTypes().Single(type => type.Name == name));
        return PairedRun.RunAsync(int.Parse(process, CultureInfo.InvariantCulture), types);
    }

    // A class measured again replaces its earlier paired results; those of the classes not run now stay.
    private static void Forget(IEnumerable<Type> types)
    {
        var folder = Path.Combine(BenchmarkSettings.CurrentArtifactsPath, PairedResult.FolderName);
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var type in types)
        {
            foreach (var file in Directory.GetFiles(folder, type.Name + ".*.json"))
            {
                File.Delete(file);
            }
        }
    }
}
