using UserGroupClient.Resilience;

namespace UserGroupClient.IntegrationTests.Reliability;

/// <summary>The reliability runs' client settings: the default retry policy, squeezed in time so thousands of faults fit in seconds.</summary>
internal static class FastRetries
{
    public const int Operations = 2000;

    public const double FaultProbability = 0.2;

    public static void Apply(UserGroupClientOptions options)
    {
        options.Resilience = new UserGroupResilienceOptions
        {
            BaseDelay = TimeSpan.FromMilliseconds(1),
            AttemptTimeout = TimeSpan.FromMilliseconds(200),
            TotalTimeout = TimeSpan.FromSeconds(10),
            MaxRetryAfter = TimeSpan.FromMilliseconds(20),

            // A steady 20% failure rate rightly opens the default breaker (ratio 0.1); the breaker has tests of its own,
            // and here it would only turn the run into fast failures.
            CircuitBreakerFailureRatio = 1,
            CircuitBreakerMinimumThroughput = 100_000,
        };
    }

    /// <summary>
    /// Quick retries, but attempts long enough that a slow first answer (a cold server on a busy machine) is never taken
    /// for a lost one: the tests that use it script exactly which answers are lost.
    /// </summary>
    public static void ApplyWithPatientAttempts(UserGroupClientOptions options)
    {
        Apply(options);
        options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(20);
        options.Resilience.TotalTimeout = TimeSpan.FromSeconds(30);
    }
}
