namespace UserGroupClient.Testing.Hosting;

/// <summary>
/// The faults an emulator serves: a scripted queue of <see cref="EmulatedFault"/>s, and optionally seeded-random faults
/// (<see cref="EnableRandom(RandomFaultSettings)"/>) for requests that no queued fault matches.
/// </summary>
/// <remarks>
/// Thread-safe. Every faulted request is still recorded in the emulator's <see cref="RequestJournal"/>, with the fault
/// it got in <see cref="RecordedRequest.Fault"/>. Random draws happen in arrival order, so a client that sends one
/// request at a time sees the same faults on every run with the same seed.
/// </remarks>
public sealed class FaultInjector
{
    private readonly object sync = new();
    private readonly List<EmulatedFault> queue = [];
    private RandomFaultSettings? random;
    private Random? generator;

    internal FaultInjector()
    {
    }

    /// <summary>How many queued faults have not been served yet.</summary>
    public int Pending
    {
        get
        {
            lock (sync)
            {
                return queue.Count;
            }
        }
    }

    /// <summary>The settings of the random mode, or <see langword="null"/> when it is off.</summary>
    public RandomFaultSettings? Random
    {
        get
        {
            lock (sync)
            {
                return random;
            }
        }
    }

    /// <summary>Queues <paramref name="fault"/> to answer the next <paramref name="times"/> matching requests.</summary>
    /// <param name="fault">The fault to serve.</param>
    /// <param name="times">How many matching requests it answers; at least 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fault"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="times"/> is less than 1.</exception>
    public void Enqueue(EmulatedFault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (sync)
        {
            for (var i = 0; i < times; i++)
            {
                queue.Add(fault);
            }
        }
    }

    /// <summary>
    /// Turns on random faults: every request that no queued fault matches and that <paramref name="settings"/> admits
    /// is faulted with its probability. Calling it again restarts the generator with the new settings.
    /// </summary>
    /// <param name="settings">The seed, probability, kinds and filters.</param>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A setting is out of range, or a kind is <see cref="EmulatedFaultKind.Response"/>.</exception>
    public void EnableRandom(RandomFaultSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        lock (sync)
        {
            random = settings;
            generator = new Random(settings.Seed);
        }
    }

    /// <summary>Turns on random faults of the given kinds (all transient kinds when none are given) for every request.</summary>
    /// <param name="seed">The generator's seed.</param>
    /// <param name="probability">The chance, 0 to 1, that a request is faulted.</param>
    /// <param name="kinds">The kinds to draw from; empty means <see cref="RandomFaultSettings.TransientKinds"/>.</param>
    /// <exception cref="ArgumentException">A setting is out of range, or a kind is <see cref="EmulatedFaultKind.Response"/>.</exception>
    public void EnableRandom(int seed, double probability, params EmulatedFaultKind[] kinds) =>
        EnableRandom(new RandomFaultSettings
        {
            Seed = seed,
            Probability = probability,
            Kinds = kinds is { Length: > 0 } ? [.. kinds] : RandomFaultSettings.TransientKinds,
        });

    /// <summary>Turns random faults off; queued faults are kept.</summary>
    public void DisableRandom()
    {
        lock (sync)
        {
            random = null;
            generator = null;
        }
    }

    /// <summary>Drops every fault that has not been served yet and turns random faults off.</summary>
    public void Clear()
    {
        lock (sync)
        {
            queue.Clear();
            random = null;
            generator = null;
        }
    }

    internal EmulatedFault? TryTake(string method, string path)
    {
        lock (sync)
        {
            var index = queue.FindIndex(fault => fault.Matches(method, path));
            if (index >= 0)
            {
                var fault = queue[index];
                queue.RemoveAt(index);
                return fault;
            }

            return random is { } settings && generator is { } rng && settings.Admits(method, path) ? Draw(settings, rng) : null;
        }
    }

    private static EmulatedFault? Draw(RandomFaultSettings settings, Random rng)
    {
        if (rng.NextDouble() >= settings.Probability)
        {
            return null;
        }

        var kind = settings.Kinds[rng.Next(settings.Kinds.Count)];
        var retryAfter = TimeSpan.FromSeconds(rng.Next((int)Math.Floor(settings.MaxRetryAfter.TotalSeconds) + 1));
        return EmulatedFault.Create(kind, retryAfter, settings.StallDuration);
    }
}
