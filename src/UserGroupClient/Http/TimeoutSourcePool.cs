using System.Collections.Concurrent;

namespace UserGroupClient.Http;

/// <summary>
/// Reuses the cancellation sources that bound each call's duration: a source that was not cancelled is reset (its
/// timer stopped, its registrations dropped) and handed to the next call instead of being allocated again.
/// </summary>
internal static class TimeoutSourcePool
{
    // Enough for the concurrency of a busy client; beyond it sources are simply disposed.
    private const int MaxPooled = 256;

    private static readonly ConcurrentQueue<CancellationTokenSource> Sources = new();
    private static int s_count;

    public static CancellationTokenSource Rent()
    {
        if (Sources.TryDequeue(out var source))
        {
            Interlocked.Decrement(ref s_count);
            return source;
        }

        return new CancellationTokenSource();
    }

    /// <summary>Takes a source back once nothing holds its token any more; a cancelled one cannot be reused.</summary>
    public static void Return(CancellationTokenSource source)
    {
        if (source.TryReset())
        {
            if (Interlocked.Increment(ref s_count) <= MaxPooled)
            {
                Sources.Enqueue(source);
                return;
            }

            Interlocked.Decrement(ref s_count);
        }

        source.Dispose();
    }
}
