namespace UserGroupClient.Http;

/// <summary>
/// A token that is cancelled when a timeout elapses or an outer token is cancelled: the bound of one call, of all of
/// a request's attempts, or of one attempt. Under the system clock its source comes from <see cref="TimeoutSourcePool"/>
/// and costs no allocation; under any other <see cref="TimeProvider"/> (a test's fake clock) the provider makes a
/// source that follows that clock.
/// </summary>
internal readonly struct TimeoutScope : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationTokenRegistration _outer;
    private readonly CancellationToken _outerToken;
    private readonly bool _pooled;

    private TimeoutScope(CancellationTokenSource source, bool pooled, CancellationToken outer)
    {
        _source = source;
        _outerToken = outer;
        _pooled = pooled;

        // One registration instead of a linked source; none at all when the outer token cannot be cancelled.
        _outer = outer.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), source);
    }

    /// <summary>Cancelled when the timeout elapses or the outer token is cancelled.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Whether the timeout itself elapsed (and not the outer token).</summary>
    public bool TimedOut => _source.IsCancellationRequested && !_outerToken.IsCancellationRequested;

    /// <summary>Starts the scope; <see cref="Timeout.InfiniteTimeSpan"/> bounds it only by <paramref name="outer"/>.</summary>
    public static TimeoutScope Start(TimeProvider timeProvider, TimeSpan timeout, CancellationToken outer)
    {
        if (timeout == Timeout.InfiniteTimeSpan || timeProvider == TimeProvider.System)
        {
            var source = TimeoutSourcePool.Rent();
            if (timeout != Timeout.InfiniteTimeSpan)
            {
                source.CancelAfter(timeout);
            }

            return new TimeoutScope(source, pooled: true, outer);
        }

        return new TimeoutScope(new CancellationTokenSource(timeout, timeProvider), pooled: false, outer);
    }

    /// <summary>Ends the scope once nothing uses its token any more.</summary>
    public void Dispose()
    {
        _outer.Dispose();
        if (_pooled)
        {
            TimeoutSourcePool.Return(_source);
        }
        else
        {
            _source.Dispose();
        }
    }
}
