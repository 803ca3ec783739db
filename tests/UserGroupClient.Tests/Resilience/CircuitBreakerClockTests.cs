using System.Net;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Resilience;

/// <summary>The circuit breaker keeps its break on the client's clock.</summary>
public sealed class CircuitBreakerClockTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";
    private const string GroupJson = $$"""{"id":"{{GroupId}}","name":"ops","users":[]}""";

    [Fact]
    public async Task AnOpenCircuitLetsTheNextCallThroughOnceTheClientsClockPassesTheBreak()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var stub = new StubHandler((_, index) => index < 2 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : StubHandler.Json(HttpStatusCode.OK, GroupJson));
        using var jms = new JumpServerStub(stub, configure: o =>
        {
            o.TimeProvider = clock;
            o.Resilience.Enabled = true;
            o.Resilience.MaxRetryAttempts = 0;
            o.Resilience.CircuitBreakerMinimumThroughput = 2;
            o.Resilience.CircuitBreakerFailureRatio = 0.5;
            o.Resilience.CircuitBreakerBreakDuration = TimeSpan.FromMinutes(1);
        });
        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync(GroupId));
        }

        var rejected = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync(GroupId));
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var group = await jms.Client.UserGroups.GetAsync(GroupId);

        Assert.Null(rejected.StatusCode);
        Assert.Equal("ops", group.Name);
        Assert.Equal(3, stub.Requests.Count);
    }
}
