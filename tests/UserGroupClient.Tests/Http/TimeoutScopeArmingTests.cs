using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// When a call's bound starts to count: a scope armed at its deadline is cancelled at once, even under a clock whose
/// timers fire only when it moves; work that completed at once, or that a tighter bound of its own governs, does not arm it.
/// </summary>
public sealed class TimeoutScopeArmingTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public void AScopeArmedExactlyAtItsDeadlineIsCancelledAtOnceUnderAClockThatFiresTimersOnlyWhenItMoves()
    {
        var clock = new SteppedClock();
        using var scope = TimeoutScope.StartUnarmed(clock, Bound, CancellationToken.None);
        clock.Advance(Bound);

        scope.Arm();

        Assert.True(scope.Token.IsCancellationRequested);
        Assert.True(scope.TimedOut);
    }

    [Fact]
    public async Task WorkThatCompletedAtOnceDoesNotArmTheScopeEvenPastItsDeadline()
    {
        var clock = new FakeTimeProvider();
        using var scope = TimeoutScope.StartUnarmed(clock, Bound, CancellationToken.None);
        clock.Advance(Bound + TimeSpan.FromSeconds(1));

        var value = await scope.Bound(new ValueTask<int>(42));

        Assert.Equal(42, value);
        Assert.False(scope.Token.IsCancellationRequested);
    }

    [Fact]
    public async Task WorkUnderATighterBoundOfItsOwnDoesNotArmTheScope()
    {
        var clock = new FakeTimeProvider();
        using var scope = TimeoutScope.StartUnarmed(clock, Bound, CancellationToken.None);
        var pending = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var bounded = scope.Bound(new ValueTask<int>(pending.Task), boundWithin: true);
        clock.Advance(Bound + TimeSpan.FromSeconds(1));

        Assert.False(scope.Token.IsCancellationRequested);
        pending.SetResult(7);
        Assert.Equal(7, await bounded);
    }

    /// <summary>A clock that moves only when told to and fires a timer only as it moves past the timer's due time.</summary>
    private sealed class SteppedClock : TimeProvider
    {
        private readonly List<SteppedTimer> _timers = [];
        private long _now;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _now;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = new SteppedTimer(this, callback, state);
            timer.Change(dueTime, period);
            _timers.Add(timer);
            return timer;
        }

        public void Advance(TimeSpan by)
        {
            _now += by.Ticks;
            foreach (var timer in _timers)
            {
                timer.FireIfDue();
            }
        }

        private sealed class SteppedTimer(SteppedClock clock, TimerCallback callback, object? state) : ITimer
        {
            private long? _due;

            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                _due = dueTime < TimeSpan.Zero ? null : clock._now + dueTime.Ticks;
                return true;
            }

            public void FireIfDue()
            {
                if (_due <= clock._now)
                {
                    _due = null;
                    callback(state);
                }
            }

            public void Dispose() => _due = null;

            public ValueTask DisposeAsync()
            {
                Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }
}
