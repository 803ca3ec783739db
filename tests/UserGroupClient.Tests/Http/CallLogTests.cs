using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// The one event each call logs: a success at Information, a failure (an error answer, a transport failure, a timeout)
/// at Warning with its exception's message, each with the client's name, method, path and the call's duration on the
/// client's clock; nothing for a call the caller cancelled, nor at levels the logger leaves out.
/// </summary>
public sealed class CallLogTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";
    private const string GroupJson = $$"""{"id":"{{GroupId}}","name":"ops","comment":"","users":[]}""";
    private const string GroupPath = $"/api/v1/users/groups/{GroupId}/";
    private const string NotFoundJson = """{"detail":"UserGroup object does not exist.","code":"object_does_not_exist"}""";

    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ASuccessIsLoggedAtInformationWithItsStatusAndDuration()
    {
        var clock = new FakeTimeProvider(Start);
        var logs = new LevelledLogs(LogLevel.Information);
        var stub = new StubHandler(_ =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(1500));
            return StubHandler.Json(HttpStatusCode.OK, GroupJson);
        });
        using var jms = Client(stub, clock, logs);

        await jms.Client.UserGroups.GetAsync(GroupId);

        var logged = Assert.Single(logs.Events);
        Assert.Equal(new LoggedEvent(LogLevel.Information, 1000, $"hr-jms: GET {GroupPath} answered 200 in 1500.0 ms"), logged);
    }

    [Fact]
    public async Task AnErrorAnswerIsLoggedAtWarningWithItsExceptionsMessage()
    {
        var clock = new FakeTimeProvider(Start);
        var logs = new LevelledLogs(LogLevel.Information);
        var stub = new StubHandler(_ =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(250));
            return StubHandler.Json(HttpStatusCode.NotFound, NotFoundJson);
        });
        using var jms = Client(stub, clock, logs);

        var error = await Assert.ThrowsAsync<UserGroupNotFoundException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        var logged = Assert.Single(logs.Events);
        Assert.Equal(new LoggedEvent(LogLevel.Warning, 1001, $"hr-jms: GET {GroupPath} failed after 250.0 ms: {error.Message}"), logged);
    }

    [Fact]
    public async Task AFailureIsLoggedWhenOnlyWarningsAreAndASuccessIsNot()
    {
        var clock = new FakeTimeProvider(Start);
        var logs = new LevelledLogs(LogLevel.Warning);
        var stub = new StubHandler((_, index) =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(40));
            return index == 0 ? StubHandler.Json(HttpStatusCode.OK, GroupJson) : StubHandler.Json(HttpStatusCode.NotFound, NotFoundJson);
        });
        using var jms = Client(stub, clock, logs);

        await jms.Client.UserGroups.GetAsync(GroupId);
        Assert.Empty(logs.Events);

        var error = await Assert.ThrowsAsync<UserGroupNotFoundException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.Equal(new LoggedEvent(LogLevel.Warning, 1001, $"hr-jms: GET {GroupPath} failed after 40.0 ms: {error.Message}"), Assert.Single(logs.Events));
    }

    [Fact]
    public async Task NothingIsLoggedWhenTheLoggerTakesOnlyErrors()
    {
        var logs = new LevelledLogs(LogLevel.Error);
        var stub = new StubHandler((_, index) => index == 0 ? StubHandler.Json(HttpStatusCode.OK, GroupJson) : StubHandler.Json(HttpStatusCode.NotFound, NotFoundJson));
        using var jms = Client(stub, new FakeTimeProvider(Start), logs);

        await jms.Client.UserGroups.GetAsync(GroupId);
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.Empty(logs.Events);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task ATransportFailureIsLoggedWithTheSdksMessage()
    {
        var logs = new LevelledLogs(LogLevel.Information);
        var stub = new StubHandler(_ => throw new HttpRequestException("connection refused"));
        using var jms = Client(stub, new FakeTimeProvider(Start), logs);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.StartsWith("JumpServer: the request could not be sent or its response could not be received: connection refused (GET ", error.Message, StringComparison.Ordinal);
        Assert.Equal(new LoggedEvent(LogLevel.Warning, 1001, $"hr-jms: GET {GroupPath} failed after 0.0 ms: {error.Message}"), Assert.Single(logs.Events));
    }

    [Fact]
    public async Task ATimedOutCallIsLoggedWithTheTimeoutsMessage()
    {
        var clock = new FakeTimeProvider(Start);
        var logs = new LevelledLogs(LogLevel.Information);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stub = new HangingTransport(started);
        using var http = new HttpClient(stub);
        using var client = new JumpServerClient(
            new JumpServerClientOptions
            {
                BaseAddress = new Uri("https://jms.example.com"),
                Credentials = JumpServerCredentials.Bearer("t"),
                ClientName = "hr-jms",
                TimeProvider = clock,
                LoggerFactory = logs,
                Timeout = TimeSpan.FromMilliseconds(1500),
                Resilience = { Enabled = false },
            },
            http);

        var call = client.UserGroups.GetAsync(GroupId);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromMilliseconds(1500));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal($"JumpServer: GET https://jms.example.com{GroupPath} did not complete within 1.5 s.", error.Message);
        Assert.Equal(new LoggedEvent(LogLevel.Warning, 1001, $"hr-jms: GET {GroupPath} failed after 1500.0 ms: {error.Message}"), Assert.Single(logs.Events));
    }

    [Fact]
    public async Task ACallTheCallerCancelledIsACancellationAndIsNotLogged()
    {
        var logs = new LevelledLogs(LogLevel.Trace);
        using var cancellation = new CancellationTokenSource();
        var stub = new CancellingTransport(cancellation);
        using var http = new HttpClient(stub);
        using var client = new JumpServerClient(
            new JumpServerClientOptions
            {
                BaseAddress = new Uri("https://jms.example.com"),
                Credentials = JumpServerCredentials.Bearer("t"),
                TimeProvider = new FakeTimeProvider(Start),
                LoggerFactory = logs,
                Resilience = { Enabled = false },
            },
            http);

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.UserGroups.GetAsync(GroupId, cancellation.Token));

        Assert.IsNotType<TimeoutException>(cancelled.InnerException);
        Assert.DoesNotContain(logs.Events, e => e.EventId is 1000 or 1001);
    }

    private static JumpServerStub Client(StubHandler stub, TimeProvider clock, ILoggerFactory logs) =>
        new(stub, configure: o =>
        {
            o.ClientName = "hr-jms";
            o.TimeProvider = clock;
            o.LoggerFactory = logs;
        });

    /// <summary>Waits until the call's token is cancelled; says when the request arrived.</summary>
    private sealed class HangingTransport(TaskCompletionSource started) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("The wait ended without a cancellation.");
        }
    }

    /// <summary>The caller cancels while the request is on its way.</summary>
    private sealed class CancellingTransport(CancellationTokenSource caller) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            caller.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
            throw new InvalidOperationException("The caller's cancellation did not reach the transport.");
        }
    }
}
