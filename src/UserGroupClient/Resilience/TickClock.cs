namespace UserGroupClient.Resilience;

/// <summary>
/// The clock Polly reads when the client runs on the system clock: the runtime's millisecond tick, with the wall-clock
/// time it stood for when the process first asked. Polly reads its clock three times on every call (the retry times
/// each attempt, the circuit breaker dates each outcome in its sampling window) and only ever compares those readings
/// with each other, at the resolution of its windows and breaks (tens of milliseconds and more). A fine-grained
/// timestamp or a wall-clock reading costs 50–150 ns on some virtual machines, the tick about 10 ns. Timers are the
/// system's (the base class's).
/// </summary>
internal sealed class TickClock : TimeProvider
{
    public static readonly TickClock Instance = new();

    private readonly long _startTick = Environment.TickCount64;
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;

    private TickClock()
    {
    }

    public override long TimestampFrequency => 1000;

    public override long GetTimestamp() => Environment.TickCount64;

    public override DateTimeOffset GetUtcNow() => _start.AddMilliseconds(Environment.TickCount64 - _startTick);
}
