using System.Collections.Concurrent;
using System.Diagnostics;
using UserGroupClient.Diagnostics;

namespace UserGroupClient.Tests.Diagnostics;

/// <summary>
/// Listens to the SDK's activity source and opens a span of the test's own that the SDK's spans become children of:
/// the spans of other tests tracing at the same time are in other traces and left out.
/// </summary>
internal sealed class OperationSpans : IDisposable
{
    private readonly ConcurrentQueue<Activity> _started = new();
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public OperationSpans()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == UserGroupClientTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = _started.Enqueue,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
        Caller = new Activity("test caller").Start();
    }

    /// <summary>The test's own span, current while the test calls the SDK.</summary>
    public Activity Caller { get; }

    public IReadOnlyList<Activity> Started => [.. _started.Where(s => s.TraceId == Caller.TraceId)];

    public IReadOnlyList<Activity> Stopped => [.. _stopped.Where(s => s.TraceId == Caller.TraceId)];

    public void Dispose()
    {
        Caller.Stop();
        _listener.Dispose();
    }
}
