namespace UserGroupClient.ContractTests.Infrastructure;

/// <summary>
/// A clock stopped at one instant, for fixtures whose answers carry absolute expiry times (a token that expires a week
/// after its fixture's login). Only the date stops: timers and elapsed time still run in real time.
/// </summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
