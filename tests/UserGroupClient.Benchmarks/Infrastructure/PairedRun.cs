using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace UserGroupClient.Benchmarks.Infrastructure;

/// <summary>
/// One process of a paired run: for each class marked <see cref="PairedAttribute"/>, its contenders' [Benchmark]
/// methods run in rounds, one block of each contender per round, the first contender rotating from round to round so
/// none always runs after the same neighbour. The blocks are timed and their allocations counted, and the process
/// writes them to <c>paired/&lt;type&gt;.&lt;process&gt;.json</c> for the results page, which compares each
/// contender with the baseline round by round and takes the median.
/// </summary>
internal static class PairedRun
{
    private const int WarmupRounds = 2;

    // The runtime tiers code up by call counts and a background compiler; with 64 callers on two cores the SDK's code
    // was measured to need 6-8 s to reach its final tier, so a fixed two rounds (about 1.5 s) measured part of the
    // start-up. Warm-up rounds therefore go on until both the rounds and this time have passed.
    private static readonly TimeSpan WarmupTime = TimeSpan.FromSeconds(15);

    public static async Task RunAsync(int process, IEnumerable<Type> types)
    {
        foreach (var type in types)
        {
            var result = await MeasureAsync(type, process).ConfigureAwait(false);
            var folder = Path.Combine(BenchmarkSettings.CurrentArtifactsPath, PairedResult.FolderName);
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{type.Name}.{process}.json"));
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(result)).ConfigureAwait(false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"paired: {type.Name} process {process}: {string.Join(", ", result.Contenders.Select(c => $"{c.Method} {Median(c.BlockNanoseconds) / result.OperationsPerBlock / 1e3:0.00} µs/op"))}"));
        }
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task<PairedResult> MeasureAsync(Type type, int process)
    {
        var paired = type.GetCustomAttribute<PairedAttribute>() ?? throw new InvalidOperationException($"{type.Name} has no [Paired].");
        var (invocations, rounds, warmup, warmupTime) = BenchmarkSettings.CurrentIsShort ? (1, 2, 0, TimeSpan.Zero)
            : BenchmarkSettings.CurrentIsQuick ? (paired.InvocationsPerBlock, Math.Max(4, paired.Rounds / 4), 1, TimeSpan.Zero)
            : (paired.InvocationsPerBlock, paired.Rounds, WarmupRounds, WarmupTime);

        var instance = Activator.CreateInstance(type) ?? throw new InvalidOperationException($"{type.Name} could not be created.");
        try
        {
            var parameters = SetLargestParameter(instance);
            foreach (var setup in type.GetMethods().Where(m => m.GetCustomAttribute<GlobalSetupAttribute>() is { Targets.Length: 0 }))
            {
                setup.Invoke(instance, null);
            }

            var methods = new[] { paired.Baseline }.Concat(paired.Contenders).Select(name => type.GetMethod(name) ?? throw new InvalidOperationException($"{type.Name}.{name} does not exist.")).ToList();
            var operationsPerInvoke = methods[0].GetCustomAttribute<BenchmarkAttribute>()!.OperationsPerInvoke;
            var calls = methods.Select(m => m.CreateDelegate<Func<Task>>(instance)).ToList();
            var blocks = methods.Select(_ => new List<double>()).ToList();
            var allocated = new long[methods.Count];
            async Task RoundAsync(int round, bool measured)
            {
                for (var slot = 0; slot < methods.Count; slot++)
                {
                    var contender = (slot + round) % methods.Count;
                    var before = GC.GetTotalAllocatedBytes(precise: false);
                    var clock = Stopwatch.StartNew();
                    for (var i = 0; i < invocations; i++)
                    {
                        await calls[contender]().ConfigureAwait(false);
                    }

                    clock.Stop();
                    if (measured)
                    {
                        blocks[contender].Add(clock.Elapsed.TotalNanoseconds);
                        allocated[contender] += GC.GetTotalAllocatedBytes(precise: false) - before;
                    }
                }
            }

            var warming = Stopwatch.StartNew();
            for (var round = 0; round < warmup || warming.Elapsed < warmupTime; round++)
            {
                await RoundAsync(round, measured: false).ConfigureAwait(false);
            }

            for (var round = 0; round < rounds; round++)
            {
                await RoundAsync(round, measured: true).ConfigureAwait(false);
            }

            var operationsPerBlock = invocations * operationsPerInvoke;
            var (pageBytes, pages, largeObjects) = instance is IPagedListing listing
                ? (await listing.PageBytesAsync().ConfigureAwait(false), listing.Pages, await LargeObjectBytesAsync(calls).ConfigureAwait(false))
                : (0L, 0, new double[methods.Count]);
            var contenders = methods.Select((m, i) => new PairedContender(
                m.Name,
                m.GetCustomAttribute<BenchmarkAttribute>()!.Description ?? m.Name,
                blocks[i],
                (double)allocated[i] / (rounds * operationsPerBlock),
                largeObjects[i] / operationsPerInvoke)).ToList();
            return new PairedResult(type.Name, parameters, process, operationsPerBlock, paired.Baseline, contenders, pageBytes, pages);
        }
        finally
        {
            (instance as IDisposable)?.Dispose();
        }
    }

    // The large-object check listens to the runtime's allocation events, so it runs outside the timed blocks.
    private static async Task<double[]> LargeObjectBytesAsync(List<Func<Task>> calls)
    {
        var bytes = new double[calls.Count];
        for (var i = 0; i < calls.Count; i++)
        {
            using var meter = new LargeObjectMeter();
            await calls[i]().ConfigureAwait(false);
            bytes[i] = meter.LargeBytes;
        }

        return bytes;
    }

    // A class with a [ParamsSource] property is measured at the largest value: the one its targets are set at.
    private static string SetLargestParameter(object instance)
    {
        foreach (var property in instance.GetType().GetProperties())
        {
            if (property.GetCustomAttribute<ParamsSourceAttribute>() is { } source
                && instance.GetType().GetProperty(source.Name, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is IEnumerable<int> values)
            {
                var largest = values.Max();
                property.SetValue(instance, largest);
                return string.Create(CultureInfo.InvariantCulture, $"{property.Name}={largest}");
            }
        }

        return "";
    }
}
