using Microsoft.Extensions.Time.Testing;

namespace UserGroupClient.Tests.Resilience;

/// <summary>
/// A fake clock that moves straight to the wait the client begins after each request, so a test sees exactly when
/// each request reached the server. The server calls <see cref="Arrived"/> for each request; <see cref="RunAsync{T}"/>
/// then waits (in real time, boundedly) until the client has either finished or set a timer after that request (its
/// backoff), and moves the clock to that timer. Timers set before the latest request (the call's and the attempt's
/// timeouts) are never the one moved to, so a retry is never hurried by the time the test takes to get there.
/// </summary>
internal sealed class ManualClock : TimeProvider
{
    private readonly FakeTimeProvider _fake;
    private readonly List<Waiter> _timers = [];
    private int _arrivals;
    private int _timersAtArrival;

    public ManualClock(DateTimeOffset start)
    {
        _fake = new FakeTimeProvider(start);
        Start = start;
    }

    public DateTimeOffset Start { get; }

    /// <summary>The time since <see cref="Start"/>.</summary>
    public TimeSpan Elapsed => _fake.GetUtcNow() - Start;

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _fake.LocalTimeZone;

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var waiter = new Waiter(this);
        lock (_timers)
        {
            _timers.Add(waiter);
        }

        waiter.Start(callback, state, dueTime, period);
        return waiter;
    }

    /// <summary>Notes that a request reached the server now.</summary>
    public void Arrived()
    {
        lock (_timers)
        {
            _arrivals++;
            _timersAtArrival = _timers.Count;
        }
    }

    /// <summary>Moves the clock by <paramref name="delta"/>.</summary>
    public void Advance(TimeSpan delta) => _fake.Advance(delta);

    /// <summary>Moves the clock from one backoff to the next until <paramref name="call"/> ends.</summary>
    public async Task<T> RunAsync<T>(Task<T> call)
    {
        var seen = 0;
        while (true)
        {
            Waiter? next = null;
            for (var poll = 0; !call.IsCompleted && !TryNextBackoff(ref seen, out next); poll++)
            {
                Assert.True(poll < 5000, "the client neither finished nor began a wait after the latest request");
                await Task.Delay(2);
            }

            if (call.IsCompleted)
            {
                return await call;
            }

            _fake.Advance(next!.Due!.Value - _fake.GetUtcNow());
        }
    }

    private bool TryNextBackoff(ref int seen, out Waiter? next)
    {
        lock (_timers)
        {
            next = null;
            if (_arrivals <= seen)
            {
                return false;
            }

            next = _timers.Skip(_timersAtArrival).Where(t => t.Due is not null).MinBy(t => t.Due);
            if (next is null)
            {
                return false;
            }

            seen = _arrivals;
            return true;
        }
    }

    /// <summary>A timer of the fake clock that knows when it is due until it fires or is stopped.</summary>
    private sealed class Waiter(ManualClock clock) : ITimer
    {
        private readonly Lock _gate = new();
        private ITimer? _inner;
        private DateTimeOffset? _due;

        public DateTimeOffset? Due
        {
            get
            {
                lock (_gate)
                {
                    return _due;
                }
            }
        }

        public void Start(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            SetDue(dueTime);
            _inner = clock._fake.CreateTimer(
                s =>
                {
                    SetDue(Timeout.InfiniteTimeSpan);
                    callback(s);
                },
                state,
                dueTime,
                period);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            SetDue(dueTime);
            return _inner!.Change(dueTime, period);
        }

        public void Dispose()
        {
            SetDue(Timeout.InfiniteTimeSpan);
            _inner?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void SetDue(TimeSpan dueTime)
        {
            lock (_gate)
            {
                _due = dueTime == Timeout.InfiniteTimeSpan ? null : clock._fake.GetUtcNow() + dueTime;
            }
        }
    }
}
