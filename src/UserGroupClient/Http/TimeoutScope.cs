namespace UserGroupClient.Http;

/// <summary>
/// A token that is cancelled when a timeout elapses or an outer token is cancelled: the bound of one call, of all of
/// a request's attempts, or of one attempt. Under the system clock its source comes from <see cref="TimeoutSourcePool"/>
/// and costs no allocation; under any other <see cref="TimeProvider"/> (a test's fake clock) the provider makes a
/// source that follows that clock.
/// </summary>
/// <remarks>
/// A scope started unarmed (<see cref="StartUnarmed"/>) sets its timer only when work under it has to wait
/// (<see cref="Bound{T}(Task{T})"/> and its overloads, <see cref="Arm"/>), for what is left of the timeout since the scope started:
/// the deadline is the same, and work that completes at once (an answer already there, a body already read) never
/// puts a timer into the runtime's timer queue, whose lock is the dearest part of a timeout under many callers.
/// Work that blocks its thread instead of waiting is not bounded by an unarmed scope; the SDK's handlers never do.
/// </remarks>
internal readonly struct TimeoutScope : IDisposable
{
    private readonly CancellationTokenSource _source;

    // The timer of a clock other than the system's (a CancellationTokenSource arms only system timers after the fact).
    private readonly ITimer? _timer;
    private readonly CancellationTokenRegistration _outer;
    private readonly CancellationToken _outerToken;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _timeout;
    private readonly long _started;

    private TimeoutScope(CancellationTokenSource source, ITimer? timer, TimeProvider timeProvider, TimeSpan timeout, CancellationToken outer)
    {
        _source = source;
        _timer = timer;
        _outerToken = outer;
        _timeProvider = timeProvider;
        _timeout = timeout;
        // A scope without a timeout never arms, so it reads no clock.
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            _started = timer is null ? Environment.TickCount64 : timeProvider.GetTimestamp();
        }

        // One registration instead of a linked source; none at all when the outer token cannot be cancelled.
        _outer = outer.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), source);
    }

    /// <summary>Cancelled when the timeout elapses or the outer token is cancelled.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Whether the timeout itself elapsed (and not the outer token).</summary>
    public bool TimedOut => _source.IsCancellationRequested && !_outerToken.IsCancellationRequested;

    /// <summary>Starts the scope with its timer set; <see cref="Timeout.InfiniteTimeSpan"/> bounds it only by <paramref name="outer"/>.</summary>
    public static TimeoutScope Start(TimeProvider timeProvider, TimeSpan timeout, CancellationToken outer)
    {
        var scope = StartUnarmed(timeProvider, timeout, outer);
        scope.Arm();
        return scope;
    }

    /// <summary>Starts the scope without its timer; <see cref="Arm"/> sets it once something waits under it.</summary>
    public static TimeoutScope StartUnarmed(TimeProvider timeProvider, TimeSpan timeout, CancellationToken outer)
    {
        // Stryker disable once Logical,Block : a timer of the system clock's own bounds as the pooled source's CancelAfter does, and a scope without a timeout never sets its timer: only the pooling changes
        if (timeout == Timeout.InfiniteTimeSpan || timeProvider == TimeProvider.System)
        {
            return new TimeoutScope(TimeoutSourcePool.Rent(), timer: null, timeProvider, timeout, outer);
        }

        var source = new CancellationTokenSource();
        var timer = timeProvider.CreateTimer(static source => ((CancellationTokenSource)source!).Cancel(), source, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return new TimeoutScope(source, timer, timeProvider, timeout, outer);
    }

    /// <summary>Sets the timer for what is left of the timeout (at once when nothing is); setting it again changes nothing.</summary>
    public void Arm()
    {
        if (_timeout == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        // The system clock's milliseconds, the resolution of the runtime's timers themselves: a fine-grained
        // timestamp costs a clock read several times dearer on some virtual machines.
        var elapsed = _timer is null ? TimeSpan.FromMilliseconds(Environment.TickCount64 - _started) : _timeProvider.GetElapsedTime(_started);
        var left = _timeout - elapsed;
        if (left > TimeSpan.Zero && _timer is not null)
        {
            _timer.Change(left, Timeout.InfiniteTimeSpan);
        }
        else if (left > TimeSpan.Zero)
        {
            _source.CancelAfter(left);
        }
        else
        {
            // A timer set for no time at all would fire only when its clock next moves; a test's clock may not.
            _source.Cancel();
        }
    }

    /// <summary>Arms the scope when <paramref name="work"/> has to wait, and hands it back to be awaited.</summary>
    /// <param name="work">The work under the scope.</param>
    /// <param name="boundWithin">Whether the work has a shorter timeout of its own from the scope's start, so that this one need not run yet.</param>
    public ValueTask<T> Bound<T>(ValueTask<T> work, bool boundWithin = false)
    {
        if (!boundWithin && !work.IsCompleted)
        {
            Arm();
        }

        return work;
    }

    /// <summary>Arms the scope when <paramref name="work"/> has to wait, and hands it back to be awaited.</summary>
    public Task<T> Bound<T>(Task<T> work)
    {
        if (!work.IsCompleted)
        {
            Arm();
        }

        return work;
    }

    /// <summary>Arms the scope when <paramref name="work"/> has to wait, and hands it back to be awaited.</summary>
    public Task Bound(Task work)
    {
        if (!work.IsCompleted)
        {
            Arm();
        }

        return work;
    }

    /// <summary>Ends the scope once nothing uses its token any more.</summary>
    public void Dispose()
    {
        _outer.Dispose();
        if (_timer is not null)
        {
            _timer.Dispose();

            // Stryker disable once Statement : its timer is disposed above, so the source holds nothing the collector would not release
            _source.Dispose();
            return;
        }

        // Stryker disable once Statement : a source not taken back is left to the collector; its timer, if set, can only cancel a token no one holds any more
        TimeoutSourcePool.Return(_source);
    }
}
