using UserGroupClient.Resilience;

namespace UserGroupClient.ContractTests.Infrastructure;

/// <summary>The resilience of fault contracts: the SDK's retry policy with a known number of retries, squeezed in time.</summary>
public static class ContractResilience
{
    /// <summary>How many times a failed idempotent request is resent: every such request is sent this plus one times.</summary>
    public const int Retries = 2;

    /// <summary>An attempt timeout short enough for a delayed answer to outlast it quickly.</summary>
    public static readonly TimeSpan ShortAttempt = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Turns retries on with 1 ms backoffs. Attempts get <paramref name="attemptTimeout"/>, or, when none is given, long
    /// enough that a slow answer on a busy machine is never taken for a lost one: only the tests about delays use
    /// <see cref="ShortAttempt"/>.
    /// </summary>
    public static void Apply(UserGroupClientOptions options, TimeSpan? attemptTimeout = null) =>
        options.Resilience = new UserGroupResilienceOptions
        {
            Enabled = true,
            MaxRetryAttempts = Retries,
            BaseDelay = TimeSpan.FromMilliseconds(1),
            AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10),
            TotalTimeout = TimeSpan.FromSeconds(20),
        };
}
