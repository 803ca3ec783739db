using System.Diagnostics.Tracing;

namespace UserGroupClient.Benchmarks.Infrastructure;

/// <summary>
/// Counts what the process allocates on the large-object heap (arrays of 85,000 bytes or more) while it listens,
/// from the runtime's allocation ticks (one per about 100 KB allocated of a kind, carrying the amount since the last).
/// A body buffered whole shows up here once it exceeds the threshold; one parsed as it arrives does not.
/// </summary>
internal sealed class LargeObjectMeter : EventListener
{
    private const int AllocationTickEventId = 10;
    private const int LargeObjectKind = 1;
    private long _largeBytes;

    /// <summary>Bytes allocated on the large-object heap since the meter was created.</summary>
    public long LargeBytes => Interlocked.Read(ref _largeBytes);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            // Keyword 0x1 is GC; allocation ticks are verbose.
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId != AllocationTickEventId || eventData.PayloadNames is not { } names || eventData.Payload is not { } payload)
        {
            return;
        }

        var kind = Convert.ToInt32(payload[names.IndexOf("AllocationKind")], System.Globalization.CultureInfo.InvariantCulture);
        if (kind == LargeObjectKind)
        {
            Interlocked.Add(ref _largeBytes, Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
