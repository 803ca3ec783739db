using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Http;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// What a call leaves behind and how it names a body past the limit: every timer it set on the client's clock is
/// released when it ends, whether it succeeded or failed; a body that grows past the limit while it is read fails
/// with the limit named, not as a body cut short; and an answer whose own request names another origin is refused.
/// </summary>
public sealed class CallTimerReleaseTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";
    private const string GroupJson = $$"""{"id":"{{GroupId}}","name":"ops","comment":"","users":[]}""";

    [Fact]
    public async Task EveryTimerACallSetsOnTheClientsClockIsReleasedWhenItEnds()
    {
        var clock = new TimerTrackingClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var stub = new StubHandler((_, index) => index == 0
            ? StubHandler.Json(HttpStatusCode.OK, GroupJson)
            : StubHandler.Json(HttpStatusCode.NotFound, """{"detail":"UserGroup object does not exist.","code":"object_does_not_exist"}"""));
        using var jms = new JumpServerStub(stub, configure: o => o.TimeProvider = clock);

        await jms.Client.UserGroups.GetAsync(GroupId);
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.Equal(2, clock.Created);
        Assert.Equal(2, clock.Released);
    }

    [Fact]
    public async Task ABodyThatGrowsPastTheLimitWhileReadFailsNamingTheLimit()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new Unannounced(Encoding.ASCII.GetBytes(new string(' ', 5_000) + GroupJson))) });
        using var jms = new JumpServerStub(stub, configure: o => o.MaxResponseContentBytes = 4_096);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.StartsWith("JumpServer answered with a response the SDK could not read: the response body is larger than the 4096-byte limit (UserGroupClientOptions.MaxResponseContentBytes). (GET ", error.Message, StringComparison.Ordinal);
        Assert.IsType<ResponseTooLargeException>(error.InnerException);
    }

    [Fact]
    public async Task AnAnswerWhoseOwnRequestNamesAnotherOriginIsRefused()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(GroupJson, Encoding.UTF8, "application/json"),
            RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://elsewhere.example/landing/"),
        });
        using var jms = new JumpServerStub(stub);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.IsType<CrossOriginRedirectException>(error.InnerException);
    }

    /// <summary>A body whose length is not known before it is read.</summary>
    private sealed class Unannounced(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    /// <summary>A fake clock that counts the timers set on it and those released.</summary>
    private sealed class TimerTrackingClock(DateTimeOffset start) : TimeProvider
    {
        private readonly FakeTimeProvider _fake = new(start);
        private int _created;
        private int _released;

        public int Created => Volatile.Read(ref _created);

        public int Released => Volatile.Read(ref _released);

        public override long TimestampFrequency => _fake.TimestampFrequency;

        public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

        public override long GetTimestamp() => _fake.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref _created);
            return new Tracked(this, _fake.CreateTimer(callback, state, dueTime, period));
        }

        private sealed class Tracked(TimerTrackingClock clock, ITimer inner) : ITimer
        {
            private int _disposed;

            public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(dueTime, period);

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _disposed, 1) == 0)
                {
                    Interlocked.Increment(ref clock._released);
                }

                inner.Dispose();
            }

            public ValueTask DisposeAsync()
            {
                Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }
}
