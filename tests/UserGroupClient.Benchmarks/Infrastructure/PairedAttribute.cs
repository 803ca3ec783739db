namespace UserGroupClient.Benchmarks.Infrastructure;

/// <summary>
/// Marks a benchmark class whose cases are also measured in a paired run (<see cref="PairedRun"/>): blocks of each
/// contender alternate in one process, so that all of them see the same machine load, and the verdicts compare
/// neighbouring blocks (medians over rounds) instead of means taken minutes apart in different processes.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PairedAttribute : Attribute
{
    /// <param name="baseline">The method every other contender is compared with.</param>
    /// <param name="contenders">The other [Benchmark] methods measured.</param>
    public PairedAttribute(string baseline, params string[] contenders)
    {
        Baseline = baseline;
        Contenders = contenders;
    }

    public string Baseline { get; }

    public IReadOnlyList<string> Contenders { get; }

    /// <summary>Invocations of one contender per block in the full run: enough for a block of about 100 ms or more.</summary>
    public int InvocationsPerBlock { get; set; } = 1;

    /// <summary>Rounds (one block of every contender each) measured per process in the full run.</summary>
    public int Rounds { get; set; } = 30;
}
