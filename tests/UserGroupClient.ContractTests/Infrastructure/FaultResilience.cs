using UserGroupClient.Resilience;

namespace UserGroupClient.ContractTests.Infrastructure;

/// <summary>
/// The fault tests' resilience: the default policy squeezed in time. Attempts are patient unless a test is about an
/// answer that comes too late: a slow first answer on a busy machine must not pass for a fault the test did not script.
/// </summary>
public static class FaultResilience
{
    /// <summary>The attempt timeout of tests about late answers; <see cref="Delay"/> is well past it.</summary>
    public static readonly TimeSpan ShortAttemptTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a delayed answer waits.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(500);

    /// <summary>Retries after the first attempt.</summary>
    public const int MaxRetryAttempts = 2;

    /// <summary>
    /// Turns retries on: <see cref="MaxRetryAttempts"/> retries, 1 ms backoffs, <c>Retry-After</c> honoured up to
    /// <paramref name="maxRetryAfter"/> (1 ms unless given), and attempts of <paramref name="attemptTimeout"/> (5 s unless given).
    /// </summary>
    public static void Apply(UserGroupClientOptions options, TimeSpan? attemptTimeout = null, TimeSpan? maxRetryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Resilience = new UserGroupResilienceOptions
        {
            Enabled = true,
            MaxRetryAttempts = MaxRetryAttempts,
            BaseDelay = TimeSpan.FromMilliseconds(1),
            AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(5),
            TotalTimeout = TimeSpan.FromSeconds(20),
            MaxRetryAfter = maxRetryAfter ?? TimeSpan.FromMilliseconds(1),
        };
    }
}
