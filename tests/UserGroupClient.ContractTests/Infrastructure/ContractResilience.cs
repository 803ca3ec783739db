using UserGroupClient.Resilience;

namespace UserGroupClient.ContractTests.Infrastructure;

/// <summary>
/// The SDK's retry policy as every contract test with retries on runs it: a known number of retries, squeezed in time.
/// Attempts are patient unless a test is about an answer that comes too late: a slow answer on a busy machine must not
/// pass for a fault the test did not script.
/// </summary>
public static class ContractResilience
{
    /// <summary>How many times a failed idempotent request is resent.</summary>
    public const int Retries = 2;

    /// <summary>How many times an idempotent request that keeps failing is sent in all.</summary>
    public const int Attempts = Retries + 1;

    /// <summary>
    /// The attempt timeout of the tests about late answers; <see cref="Faults.ContractFaults.LateAnswer"/> is well past it.
    /// Long enough that an answer on time (a lookup between two late creates) is not cut short on a loaded CI machine.
    /// </summary>
    public static readonly TimeSpan ShortAttempt = TimeSpan.FromMilliseconds(750);

    /// <summary>Retries on with patient attempts: 1 ms backoffs, and a <c>Retry-After</c> of a second or two is waited out.</summary>
    public static void RetriesOn(UserGroupClientOptions options) => Apply(options, TimeSpan.FromSeconds(10));

    /// <summary>Retries on as <see cref="RetriesOn"/>, with attempts of <see cref="ShortAttempt"/>: only for tests about late answers.</summary>
    public static void ShortAttempts(UserGroupClientOptions options) => Apply(options, ShortAttempt);

    private static void Apply(UserGroupClientOptions options, TimeSpan attemptTimeout)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Resilience = new UserGroupResilienceOptions
        {
            Enabled = true,
            MaxRetryAttempts = Retries,
            BaseDelay = TimeSpan.FromMilliseconds(1),
            AttemptTimeout = attemptTimeout,
            TotalTimeout = TimeSpan.FromSeconds(20),
            MaxRetryAfter = TimeSpan.FromSeconds(2),
        };
    }
}
