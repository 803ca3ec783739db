using System.Net;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Resilience;

/// <summary>The circuit breaker counts only transient failures: answers that are final never open it.</summary>
public sealed class CircuitBreakerCountTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";

    [Fact]
    public async Task NotFoundAnswersDoNotOpenTheCircuit()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.NotFound, """{"detail":"UserGroup object does not exist.","code":"object_does_not_exist"}"""));
        using var jms = new JumpServerStub(stub, configure: o =>
        {
            o.Resilience.Enabled = true;
            o.Resilience.MaxRetryAttempts = 0;
            o.Resilience.CircuitBreakerMinimumThroughput = 2;
            o.Resilience.CircuitBreakerFailureRatio = 0.5;
            o.Resilience.CircuitBreakerBreakDuration = TimeSpan.FromMinutes(1);
        });

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<UserGroupNotFoundException>(() => jms.Client.UserGroups.GetAsync(GroupId));
        }

        Assert.Equal(3, stub.Requests.Count);
    }
}
