using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Tests.Http;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Diagnostics;

/// <summary>
/// A client whose resilience is off sends each call once, as attempt 1, and records it as the SDK's own resilience
/// records each of its attempts: one client span, one measurement and one Debug event, for an answer (whose
/// credentials, added to the request after the attempt began, are not shown) and for a failure without one.
/// </summary>
public sealed class SingleAttemptTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";
    private const string GroupJson = $$"""{"id":"{{GroupId}}","name":"ops","comment":"","users":[]}""";
    private const string GroupPath = $"/api/v1/users/groups/{GroupId}/";

    [Fact]
    public async Task AnAnsweredCallIsOneAttemptSpannedMeasuredAndLoggedWithoutItsCredentials()
    {
        using var spans = new OperationSpans();
        using var durations = new AttemptDurations("single-answered");
        var logs = new LevelledLogs(LogLevel.Debug);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var stub = new StubHandler(_ =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(1500));
            return StubHandler.Json(HttpStatusCode.OK, GroupJson);
        });
        using var jms = Client(stub, "single-answered", clock, logs);

        await jms.Client.UserGroups.GetAsync(GroupId);

        Assert.Equal("Bearer test-token", Assert.Single(stub.Requests).Header("Authorization"));
        var span = Assert.Single(spans.Stopped, s => s.Kind == ActivityKind.Client);
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Null(span.GetTagItem("http.request.resend_count"));
        Assert.Equal(1.5, Assert.Single(durations.Measured).Seconds);
        var attempt = Assert.Single(logs.Events, e => e.EventId == 1002);
        Assert.Equal(
            $"single-answered: attempt 1 GET {GroupPath} answered 200 in 1500.0 ms; request headers Accept: application/json; X-JMS-ORG: 00000000-0000-0000-0000-000000000002; response headers Content-Type: application/json; charset=utf-8",
            attempt.Message);
    }

    [Fact]
    public async Task ACallThatGotNoAnswerIsOneFailedAttemptSpannedMeasuredAndLogged()
    {
        using var spans = new OperationSpans();
        using var durations = new AttemptDurations("single-failed");
        var logs = new LevelledLogs(LogLevel.Debug);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var stub = new StubHandler(_ =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(250));
            throw new HttpRequestException("connection refused");
        });
        using var jms = Client(stub, "single-failed", clock, logs);

        await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.Single(stub.Requests);
        var span = Assert.Single(spans.Stopped, s => s.Kind == ActivityKind.Client);
        Assert.Equal("System.Net.Http.HttpRequestException", span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(0.25, Assert.Single(durations.Measured).Seconds);
        var attempt = Assert.Single(logs.Events, e => e.EventId == 1003);
        Assert.Equal($"single-failed: attempt 1 GET {GroupPath} failed after 250.0 ms: System.Net.Http.HttpRequestException", attempt.Message);
    }

    private static JumpServerStub Client(StubHandler stub, string name, TimeProvider clock, ILoggerFactory logs) =>
        new(stub, configure: o =>
        {
            o.ClientName = name;
            o.TimeProvider = clock;
            o.LoggerFactory = logs;
        });
}
