namespace UserGroupClient.Testing.Tests;

/// <summary>A clock that moves only when told, for expiry tests.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
