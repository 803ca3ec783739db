namespace UserGroupClient.ContractTests.Infrastructure;

/// <summary>
/// A clock that reads a fixed instant, for answers whose dates are documented ones (a token's expiry); its timers are
/// the system's, so timeouts and backoffs still run in real time.
/// </summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => now;
}
