namespace UserGroupClient.Testing.Hosting;

/// <summary>A queue of <see cref="EmulatedFault"/>s that an emulator serves before handling requests normally.</summary>
/// <remarks>Thread-safe. Faulted requests are still recorded in the emulator's <see cref="RequestJournal"/>.</remarks>
public sealed class FaultInjector
{
    private readonly object sync = new();
    private readonly List<EmulatedFault> queue = [];

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

    /// <summary>Queues <paramref name="fault"/> to answer the next <paramref name="times"/> matching requests.</summary>
    /// <param name="fault">The response to serve.</param>
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

    /// <summary>Drops every fault that has not been served yet.</summary>
    public void Clear()
    {
        lock (sync)
        {
            queue.Clear();
        }
    }

    internal EmulatedFault? TryTake(string method, string path)
    {
        lock (sync)
        {
            var index = queue.FindIndex(fault => fault.Matches(method, path));
            if (index < 0)
            {
                return null;
            }

            var fault = queue[index];
            queue.RemoveAt(index);
            return fault;
        }
    }
}
