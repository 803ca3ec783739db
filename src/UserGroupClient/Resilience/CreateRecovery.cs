using System.Globalization;
using UserGroupClient.Http;

namespace UserGroupClient.Resilience;

/// <summary>
/// Creates are POSTs, which the resilience pipeline never resends: a create whose answer was lost may or may not have
/// happened. This recovers such a create for the facades without ever adopting a group it cannot prove it created.
/// Before the first attempt it notes the groups that already carry the name. After a failure that the dialect's error
/// mapper calls transient (<see cref="ApiErrorMapper.IsTransient"/>; a business error never is), it looks again:
/// exactly one group with the name that was not there before is the created one; none means the create did not happen, and it is tried again
/// after a backoff, within the retry budget; more than one (someone else created the name meanwhile) cannot be told
/// apart, and the failure is raised saying so. <see cref="UserGroupResilienceOptions.TotalTimeout"/> bounds the whole
/// loop, as it bounds one request: past it the create fails with <see cref="TimeoutException"/>, and a backoff (say a
/// long <c>Retry-After</c>) that would end past it is not waited out. With retries turned off nothing is looked up and
/// nothing is recovered.
/// </summary>
/// <remarks>
/// What remains: another client that creates the same name between the first look and the lost create's answer makes
/// its group indistinguishable from this one on a dialect with unique names (there can be only one, and it is taken).
/// </remarks>
internal sealed class CreateRecovery
{
    private readonly UserGroupResilienceOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ApiErrorMapper _errors;

    public CreateRecovery(UserGroupResilienceOptions options, TimeProvider timeProvider, ApiErrorMapper errors)
    {
        _options = options;
        _timeProvider = timeProvider;
        _errors = errors;
    }

    // With retries off a create is sent once, and the lookups that recovery needs are skipped.
    private bool Recovers => _options.Enabled && _options.MaxRetryAttempts > 0;

    /// <summary>
    /// Runs <paramref name="create"/> on a dialect whose group names are unique: <paramref name="find"/> gives the group
    /// that has exactly <paramref name="name"/>, if any.
    /// </summary>
    public Task<UserGroup> CreateUniqueAsync(
        string name,
        Func<CancellationToken, Task<UserGroup>> create,
        Func<CancellationToken, Task<UserGroup?>> find,
        CancellationToken cancellationToken) =>
        CreateAsync(name, create, async ct => await find(ct).ConfigureAwait(false) is { } group ? [group] : [], cancellationToken);

    /// <summary>
    /// Runs <paramref name="create"/> on a dialect where several groups may share a name: <paramref name="findAll"/>
    /// gives every group that has exactly <paramref name="name"/> (and, when the create sets one, the same parent).
    /// </summary>
    public async Task<UserGroup> CreateAsync(
        string name,
        Func<CancellationToken, Task<UserGroup>> create,
        Func<CancellationToken, Task<IReadOnlyCollection<UserGroup>>> findAll,
        CancellationToken cancellationToken)
    {
        if (!Recovers)
        {
            return await create(cancellationToken).ConfigureAwait(false);
        }

        // One deadline for the whole loop: the lookups, every attempt and the waits between them.
        using var deadline = TimeoutScope.Start(_timeProvider, _options.TotalTimeout, cancellationToken);
        var started = _timeProvider.GetTimestamp();
        try
        {
            // On a dialect with unique names a group found here makes the server refuse the create: that refusal is a
            // business error, never recovered, and it carries the server's own status and code.
            var before = (await findAll(deadline.Token).ConfigureAwait(false)).Select(group => group.Id).ToHashSet(StringComparer.Ordinal);
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return await create(deadline.Token).ConfigureAwait(false);
                }
                catch (Exception exception) when (ApiErrorMapper.IsTransient(exception) && !deadline.Token.IsCancellationRequested)
                {
                    var appeared = (await findAll(deadline.Token).ConfigureAwait(false)).Where(group => !before.Contains(group.Id)).ToList();
                    if (appeared.Count == 1)
                    {
                        return appeared[0];
                    }

                    // Stryker disable once Equality : a count of exactly 1 returned above, so ">= 1" is the same test here
                    if (appeared.Count > 1)
                    {
                        throw Ambiguous(name, appeared, exception);
                    }

                    // A wait that would end past the deadline is not begun: the failure is the answer now, not later.
                    var wait = Backoff(exception, attempt);
                    if (attempt >= _options.MaxRetryAttempts || _timeProvider.GetElapsedTime(started) + wait >= _options.TotalTimeout)
                    {
                        throw;
                    }

                    await Task.Delay(wait, _timeProvider, deadline.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException exception) when (deadline.TimedOut)
        {
            throw new TimeoutException(
                string.Create(CultureInfo.InvariantCulture, $"{_errors.Dialect}: creating '{name}' did not complete within {_options.TotalTimeout.TotalSeconds:0.###} s (Resilience.TotalTimeout bounds the lookups, the attempts and the waits between them)."),
                exception);
        }
    }

    private UserGroupApiException Ambiguous(string name, List<UserGroup> appeared, Exception lost)
    {
        var request = lost as UserGroupApiException;
        return new UserGroupApiException(
            $"{_errors.Dialect}: the answer to creating '{name}' was lost, and meanwhile {appeared.Count} groups with that name appeared (ids {string.Join(", ", appeared.Select(g => g.Id))}). "
            + "The SDK cannot tell which of them, if any, it created, so it took none and did not create again; check them before retrying.",
            lost)
        {
            Dialect = _errors.Dialect,
            StatusCode = request?.StatusCode,
            RequestMethod = request?.RequestMethod,
            RequestUri = request?.RequestUri,
        };
    }

    private TimeSpan Backoff(Exception exception, int attempt)
    {
        if (exception is UserGroupRateLimitedException { RetryAfter: { } retryAfter })
        {
            // Stryker disable once Equality : at equality both branches are the same wait, so "<=" changes nothing
            return retryAfter < _options.MaxRetryAfter ? retryAfter : _options.MaxRetryAfter;
        }

        return _options.BaseDelay * Math.Pow(2, attempt);
    }
}
