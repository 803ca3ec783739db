using System.Net;
using System.Text.Json;

namespace UserGroupClient.Resilience;

/// <summary>
/// Creates are POSTs, which the resilience pipeline never resends: a create whose answer was lost may or may not have
/// happened. This recovers such a create for the facades: it looks the group up by name; found, that group is the
/// result (never a second one); not found, the create is tried again, after a backoff, within the retry budget.
/// </summary>
internal sealed class CreateRecovery
{
    private readonly UserGroupResilienceOptions _options;
    private readonly TimeProvider _timeProvider;

    public CreateRecovery(UserGroupResilienceOptions options, TimeProvider timeProvider)
    {
        _options = options;
        _timeProvider = timeProvider;
    }

    /// <summary>Runs <paramref name="create"/>, recovering in-transit failures through <paramref name="find"/>.</summary>
    public async Task<UserGroup> CreateAsync(
        Func<CancellationToken, Task<UserGroup>> create,
        Func<CancellationToken, Task<UserGroup?>> find,
        CancellationToken cancellationToken)
    {
        var retries = _options.Enabled ? _options.MaxRetryAttempts : 0;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await create(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (attempt < retries && IsInTransit(exception) && !cancellationToken.IsCancellationRequested)
            {
                if (await find(cancellationToken).ConfigureAwait(false) is { } existing)
                {
                    return existing;
                }

                await Task.Delay(Backoff(exception, attempt), _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// No answer, a timeout, an answer that says the server may not have finished (408, 429, 5xx), or a success whose
    /// body was cut off (the server acted; the SDK only lost the result).
    /// </summary>
    private static bool IsInTransit(Exception exception) => exception switch
    {
        TimeoutException => true,
        UserGroupApiException { StatusCode: null, InnerException: HttpRequestException } => true,
        UserGroupApiException { StatusCode: { } success, InnerException: JsonException or IOException or HttpRequestException } when (int)success is >= 200 and < 300 => true,
        UserGroupApiException { StatusCode: { } status } => status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500,
        _ => false,
    };

    private TimeSpan Backoff(Exception exception, int attempt)
    {
        if (exception is UserGroupRateLimitedException { RetryAfter: { } retryAfter })
        {
            return retryAfter < _options.MaxRetryAfter ? retryAfter : _options.MaxRetryAfter;
        }

        return _options.BaseDelay * Math.Pow(2, attempt);
    }
}
