namespace UserGroupClient.Resilience;

/// <summary>
/// How a client retries, times out and stops calling a failing server. Defaults follow the .NET standard resilience
/// pipeline: 30 s in all, 10 s per attempt, 3 retries with exponential backoff and jitter, and a circuit breaker per client.
/// Only idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE) are retried, on 408, 429, 5xx, connection failures,
/// attempt timeouts and success bodies cut off in transit; a 401 is left to the authentication handler.
/// </summary>
public sealed class UserGroupResilienceOptions
{
    /// <summary>Whether retries, timeouts and the circuit breaker run at all. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The longest one request may take across all its attempts and delays; it also bounds a facade create as a whole
    /// (the name lookups, the create attempts and the waits between them). Default 30 seconds.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest one attempt may take before it is abandoned (and retried when safe), reading a success body
    /// included; a list's pages are parsed after the attempt, within <see cref="UserGroupClientOptions.Timeout"/>.
    /// Default 10 seconds.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many times a failed idempotent request is retried, and a list's page whose body broke off in transit asked
    /// for again (each time a new request, with retries of its own). Default 3; 0 turns retries off.
    /// </summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay; later ones grow exponentially, with jitter. Default 2 seconds.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest <c>Retry-After</c> that is honoured; longer ones are clamped to it. Default 30 seconds.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The share of failed requests in <see cref="CircuitBreakerSamplingDuration"/> that opens the circuit. Default 0.1.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.1;

    /// <summary>How many requests the sampling window needs before the ratio counts. Default 100.</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 100;

    /// <summary>The window over which failures are counted. Default 30 seconds.</summary>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails calls fast before it lets one through. Default 5 seconds.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Checks the settings, naming the bad one.</summary>
    /// <param name="owner">The name of the options object that holds these, for the message.</param>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate(string owner)
    {
        var prefix = $"{owner}.Resilience.";
        Require(TotalTimeout > TimeSpan.Zero, prefix + nameof(TotalTimeout), "must be positive");
        Require(AttemptTimeout > TimeSpan.Zero, prefix + nameof(AttemptTimeout), "must be positive");
        Require(AttemptTimeout <= TotalTimeout, prefix + nameof(AttemptTimeout), "must not exceed TotalTimeout");
        Require(MaxRetryAttempts is >= 0 and <= 100, prefix + nameof(MaxRetryAttempts), "must be between 0 and 100");
        Require(BaseDelay >= TimeSpan.Zero, prefix + nameof(BaseDelay), "must not be negative");
        Require(MaxRetryAfter >= TimeSpan.Zero, prefix + nameof(MaxRetryAfter), "must not be negative");
        Require(CircuitBreakerFailureRatio is > 0 and <= 1, prefix + nameof(CircuitBreakerFailureRatio), "must be above 0 and at most 1");
        Require(CircuitBreakerMinimumThroughput >= 2, prefix + nameof(CircuitBreakerMinimumThroughput), "must be at least 2");
        Require(CircuitBreakerSamplingDuration >= TimeSpan.FromMilliseconds(500), prefix + nameof(CircuitBreakerSamplingDuration), "must be at least 0.5 s");
        Require(CircuitBreakerBreakDuration >= TimeSpan.FromMilliseconds(500), prefix + nameof(CircuitBreakerBreakDuration), "must be at least 0.5 s");
    }

    private static void Require(bool condition, string setting, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"{setting} {rule}.", setting);
        }
    }
}
