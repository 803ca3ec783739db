using UserGroupClient.Resilience;

namespace UserGroupClient.Tests.Resilience;

/// <summary>
/// <see cref="UserGroupResilienceOptions.Validate"/> accepts every setting up to and including its bounds and refuses the
/// first value past them, naming the setting (as the owner spells it) and the rule it breaks.
/// </summary>
public sealed class ResilienceSettingsValidationTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Fact]
    public void TheDefaultsAndEverySettingAtItsBoundsAreAccepted()
    {
        new UserGroupResilienceOptions().Validate("Client");
        Valid(o =>
        {
            o.TotalTimeout = Tick;
            o.AttemptTimeout = Tick;
            o.MaxRetryAttempts = 0;
            o.BaseDelay = TimeSpan.Zero;
            o.MaxRetryAfter = TimeSpan.Zero;
            o.CircuitBreakerFailureRatio = 1;
            o.CircuitBreakerMinimumThroughput = 2;
            o.CircuitBreakerSamplingDuration = TimeSpan.FromMilliseconds(500);
            o.CircuitBreakerBreakDuration = TimeSpan.FromMilliseconds(500);
        });
        Valid(o =>
        {
            o.AttemptTimeout = o.TotalTimeout;
            o.MaxRetryAttempts = 100;
            o.CircuitBreakerFailureRatio = 0.001;
        });
    }

    [Fact]
    public void TimeoutsMustBePositiveAndTheAttemptsWithinTheTotal()
    {
        Refused(o => o.TotalTimeout = TimeSpan.Zero, "TotalTimeout", "must be positive");
        Refused(o => o.TotalTimeout = -Tick, "TotalTimeout", "must be positive");
        Refused(o => o.AttemptTimeout = TimeSpan.Zero, "AttemptTimeout", "must be positive");
        Refused(o => o.AttemptTimeout = o.TotalTimeout + Tick, "AttemptTimeout", "must not exceed TotalTimeout");
    }

    [Fact]
    public void RetriesMustBeBetweenZeroAndAHundred()
    {
        Refused(o => o.MaxRetryAttempts = -1, "MaxRetryAttempts", "must be between 0 and 100");
        Refused(o => o.MaxRetryAttempts = 101, "MaxRetryAttempts", "must be between 0 and 100");
    }

    [Fact]
    public void DelaysMustNotBeNegative()
    {
        Refused(o => o.BaseDelay = -Tick, "BaseDelay", "must not be negative");
        Refused(o => o.MaxRetryAfter = -Tick, "MaxRetryAfter", "must not be negative");
    }

    [Fact]
    public void TheCircuitBreakerNeedsARatioAboveZeroTwoCallsAndHalfASecond()
    {
        Refused(o => o.CircuitBreakerFailureRatio = 0, "CircuitBreakerFailureRatio", "must be above 0 and at most 1");
        Refused(o => o.CircuitBreakerFailureRatio = 1.001, "CircuitBreakerFailureRatio", "must be above 0 and at most 1");
        Refused(o => o.CircuitBreakerMinimumThroughput = 1, "CircuitBreakerMinimumThroughput", "must be at least 2");
        Refused(o => o.CircuitBreakerSamplingDuration = TimeSpan.FromMilliseconds(500) - Tick, "CircuitBreakerSamplingDuration", "must be at least 0.5 s");
        Refused(o => o.CircuitBreakerBreakDuration = TimeSpan.FromMilliseconds(500) - Tick, "CircuitBreakerBreakDuration", "must be at least 0.5 s");
    }

    private static void Valid(Action<UserGroupResilienceOptions> configure)
    {
        var options = new UserGroupResilienceOptions();
        configure(options);
        options.Validate("Client");
    }

    private static void Refused(Action<UserGroupResilienceOptions> configure, string setting, string rule)
    {
        var options = new UserGroupResilienceOptions();
        configure(options);

        var error = Assert.Throws<ArgumentException>(() => options.Validate("Owl"));

        Assert.Equal($"Owl.Resilience.{setting}", error.ParamName);
        Assert.Equal($"Owl.Resilience.{setting} {rule}. (Parameter 'Owl.Resilience.{setting}')", error.Message);
    }
}
