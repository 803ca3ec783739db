using UserGroupClient.Resilience;

namespace UserGroupClient.ContractTests.Infrastructure;

/// <summary>The fault tests' resilience: the default policy squeezed in time, so a test of three attempts takes well under a second.</summary>
public static class FaultResilience
{
    /// <summary>How long one attempt may take; a delayed answer must take longer.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a delayed answer waits: well past <see cref="AttemptTimeout"/>.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(700);

    /// <summary>Retries after the first attempt.</summary>
    public const int MaxRetryAttempts = 2;

    /// <summary>Turns retries on with <see cref="MaxRetryAttempts"/> retries, 1 ms backoffs and <see cref="AttemptTimeout"/>.</summary>
    public static void Apply(UserGroupClientOptions options, TimeSpan? maxRetryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Resilience = new UserGroupResilienceOptions
        {
            Enabled = true,
            MaxRetryAttempts = MaxRetryAttempts,
            BaseDelay = TimeSpan.FromMilliseconds(1),
            AttemptTimeout = AttemptTimeout,
            TotalTimeout = TimeSpan.FromSeconds(10),
            MaxRetryAfter = maxRetryAfter ?? TimeSpan.FromMilliseconds(1),
        };
    }
}
