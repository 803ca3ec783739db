using System.Net;
using Microsoft.Extensions.Logging;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Http;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Resilience;

/// <summary>
/// Each attempt the SDK's own resilience makes, as the server and the Debug log see it: numbered from 1, each asking
/// for a compressed answer and authenticated, a failure in transit logged as the attempt's failure; and a call the
/// caller cancels while an attempt is out is a cancellation, not a timeout.
/// </summary>
public sealed class ResilienceAttemptTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";
    private const string GroupJson = $$"""{"id":"{{GroupId}}","name":"ops","comment":"","users":[]}""";
    private const string GroupPath = $"/api/v1/users/groups/{GroupId}/";

    [Fact]
    public async Task EveryAttemptIsNumberedAsksForACompressedAnswerAndIsAuthenticated()
    {
        var logs = new LevelledLogs(LogLevel.Debug);
        var stub = new StubHandler((_, index) => index switch
        {
            0 => throw new HttpRequestException("connection reset"),
            1 => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable),
            _ => StubHandler.Json(HttpStatusCode.OK, GroupJson),
        });
        using var jms = new JumpServerStub(stub, configure: o =>
        {
            o.ClientName = "attempts";
            o.LoggerFactory = logs;
            o.Resilience.Enabled = true;
            o.Resilience.BaseDelay = TimeSpan.Zero;
        });

        await jms.Client.UserGroups.GetAsync(GroupId);

        Assert.Equal(3, stub.Requests.Count);
        Assert.All(stub.Requests, r => Assert.Equal("gzip, br", r.Header("Accept-Encoding")));
        Assert.All(stub.Requests, r => Assert.Equal("Bearer test-token", r.Header("Authorization")));
        var attempts = logs.Events.Where(e => e.EventId is 1002 or 1003).Select(e => e.Message).ToList();
        Assert.Equal(3, attempts.Count);
        Assert.StartsWith($"attempts: attempt 1 GET {GroupPath} failed after ", attempts[0], StringComparison.Ordinal);
        Assert.EndsWith("HttpRequestException", attempts[0], StringComparison.Ordinal);
        Assert.StartsWith($"attempts: attempt 2 GET {GroupPath} answered 503", attempts[1], StringComparison.Ordinal);
        Assert.StartsWith($"attempts: attempt 3 GET {GroupPath} answered 200", attempts[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACallCancelledWhileAnAttemptIsOutIsACancellation()
    {
        using var cancellation = new CancellationTokenSource();
        var transport = new CancelledWhileSending(cancellation);
        using var http = new HttpClient(transport);
        using var client = new JumpServerClient(
            new JumpServerClientOptions { BaseAddress = new Uri("https://jms.example.com"), Credentials = JumpServerCredentials.Bearer("t") },
            http);

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.UserGroups.GetAsync(GroupId, cancellation.Token));

        Assert.IsNotType<TimeoutException>(cancelled.InnerException);
        Assert.Equal(1, transport.Attempts);
    }

    /// <summary>The caller cancels while the first attempt waits for its answer.</summary>
    private sealed class CancelledWhileSending(CancellationTokenSource caller) : HttpMessageHandler
    {
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            await caller.CancelAsync();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("The wait ended without a cancellation.");
        }
    }
}
