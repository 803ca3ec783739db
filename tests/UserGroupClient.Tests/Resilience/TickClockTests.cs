using UserGroupClient.Resilience;

namespace UserGroupClient.Tests.Resilience;

/// <summary>The clock Polly gets on the system clock tells the same time, at the runtime tick's resolution.</summary>
public sealed class TickClockTests
{
    [Fact]
    public void ItTellsTheSystemTimeToWithinASecond()
    {
        var difference = TickClock.Instance.GetUtcNow() - DateTimeOffset.UtcNow;

        Assert.InRange(difference, TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void ItsTimestampsAreTheRuntimeTickInMilliseconds()
    {
        Assert.InRange(TickClock.Instance.GetTimestamp() - Environment.TickCount64, -1_000, 0);
        Assert.Equal(TimeSpan.FromSeconds(1.5), TickClock.Instance.GetElapsedTime(1_000, 2_500));
    }
}
