using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using Polly.Timeout;
using UserGroupClient.IntegrationTests.Observability;
using UserGroupClient.JumpServer;
using UserGroupClient.Kylin;
using UserGroupClient.Owl;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.Kylin;
using UserGroupClient.Testing.Owl;

using static UserGroupClient.IntegrationTests.StandardResilience.StandardResilienceClients;

namespace UserGroupClient.IntegrationTests.StandardResilience;

/// <summary>
/// Microsoft.Extensions.Http.Resilience's standard handler in the SDK's place (<c>UseStandardResilienceHandler</c>,
/// the companion package UserGroupClient.Http.Resilience): it resends what the SDK's classifier allows, outside
/// authentication, and the SDK's own Polly pipeline does not run beside it.
/// </summary>
public sealed class StandardResilienceTests
{
    [Theory]
    [InlineData(EmulatedFaultKind.ServiceUnavailable)]
    [InlineData(EmulatedFaultKind.ConnectionReset)]
    public async Task AGetThatMeetsATransientFailureIsResentSignedAndDatedAfresh(EmulatedFaultKind fault)
    {
        // The server accepts a signature dated within five minutes; the retry waits six (on the shared clock), so only
        // an attempt signed again on the way out passes.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 3, 11, 48, 25, TimeSpan.Zero));
        await using var emulator = await JumpServerEmulator.StartAsync(new JumpServerEmulatorOptions { TimeProvider = clock, SignatureDateWindow = TimeSpan.FromMinutes(5) });
        await using var provider = WithStandardHandler(emulator, o => (o.TimeProvider, o.Timeout) = (clock, Timeout.InfiniteTimeSpan), standard =>
        {
            standard.Retry.Delay = TimeSpan.Zero;
            standard.Retry.OnRetry = _ =>
            {
                clock.Advance(TimeSpan.FromMinutes(6));
                return default;
            };
        });
        emulator.Faults.Enqueue(EmulatedFault.Create(fault, method: "GET", pathPrefix: GroupsPath));

        await provider.GetRequiredKeyedService<JumpServerClient>("jms").UserGroups.ListAsync();

        var attempts = Requests(emulator, "GET", GroupsPath);
        Assert.Equal(2, attempts.Count);
        Assert.Equal(fault, attempts[0].Fault?.Kind);
        Assert.Equal(200, attempts[1].StatusCode);
        Assert.Equal(clock.GetUtcNow(), DateTimeOffset.Parse(attempts[1].GetHeader("Date")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEqual(attempts[0].GetHeader("Date"), attempts[1].GetHeader("Date"));
        Assert.NotEqual(attempts[0].GetHeader("Authorization"), attempts[1].GetHeader("Authorization"));
    }

    [Fact]
    public async Task TheSdksOwnPipelineDoesNotRetryBesideIt()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        // The SDK's pipeline, were it running, would retry three times more for each of the standard handler's attempts.
        await using var provider = WithStandardHandler(emulator, o => o.Resilience.MaxRetryAttempts = 3, standard => standard.Retry.MaxRetryAttempts = 1);
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ServiceUnavailable, method: "GET", pathPrefix: GroupsPath), times: 10);

        var failure = await Assert.ThrowsAsync<UserGroupApiException>(() => provider.GetRequiredKeyedService<JumpServerClient>("jms").UserGroups.ListAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.StatusCode);
        Assert.Equal(2, Requests(emulator, "GET", GroupsPath).Count);
    }

    [Fact]
    public async Task EveryAttemptIsRecordedByTheSdksTelemetry()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        await using var provider = WithStandardHandler(emulator, o => o.LoggerFactory = loggerFactory);
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.BadGateway, method: "GET", pathPrefix: GroupsPath));

        await provider.GetRequiredKeyedService<JumpServerClient>("jms").UserGroups.ListAsync();

        var attempts = logs.Events.Where(e => e.Category == "UserGroupClient" && e.EventId.Id == 1002).Select(e => e.Message).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Contains("attempt 1 GET " + GroupsPath + " answered 502", attempts[0], StringComparison.Ordinal);
        Assert.Contains("attempt 2 GET " + GroupsPath + " answered 200", attempts[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACreateByPostIsNeverResent()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        await using var provider = WithStandardHandler(emulator);
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ServiceUnavailable, method: "POST", pathPrefix: GroupsPath), times: 2);

        var failure = await Assert.ThrowsAsync<UserGroupApiException>(() =>
            provider.GetRequiredKeyedService<JumpServerClient>("jms").UserGroups.CreateAsync(new JumpServerUserGroupCreate("ops")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.StatusCode);
        Assert.Single(Requests(emulator, "POST", GroupsPath));
        Assert.Equal(1, emulator.Faults.Pending);
    }

    [Fact]
    public async Task AnOwlCreateByPutIsNeverResent()
    {
        await using var emulator = await OwlEmulator.StartAsync();
        await using var provider = WithStandardHandler(emulator);
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ServiceUnavailable, method: "PUT", pathPrefix: "/api/v1/usergroups"), times: 2);

        var failure = await Assert.ThrowsAsync<UserGroupApiException>(() => provider.GetRequiredKeyedService<OwlClient>("owl").UserGroups.CreateAsync("ops"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.StatusCode);
        Assert.Single(Requests(emulator.Journal, "PUT", "/api/v1/usergroups"));
        Assert.Empty(emulator.GetUserGroups());
    }

    [Fact]
    public async Task AKylinBusinessErrorOnHttp500IsNotRetried()
    {
        await using var emulator = await KylinEmulator.StartAsync();
        emulator.AddGroup("ops");
        await using var provider = WithStandardHandler(emulator);

        // Kylin answers a membership update naming an unknown user with HTTP 500, code "999": a PUT, which may be
        // resent, with the status the standard predicate alone would retry.
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() =>
            provider.GetRequiredKeyedService<KylinClient>("kylin").UserGroups.SetGroupUsersAsync("ops", ["nobody"]));

        var attempt = Assert.Single(Requests(emulator.Journal, "PUT", "/kylin/api/user_group/users/ops"));
        Assert.Equal(500, attempt.StatusCode);
    }

    [Fact]
    public async Task AKylinServerFailureThatIsNoBusinessErrorIsRetried()
    {
        await using var emulator = await KylinEmulator.StartAsync();
        emulator.AddUser("alice", "alice-password");
        emulator.AddGroup("ops");
        await using var provider = WithStandardHandler(emulator);
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.InternalServerError, method: "PUT"));

        await provider.GetRequiredKeyedService<KylinClient>("kylin").UserGroups.SetGroupUsersAsync("ops", ["alice"]);

        Assert.Equal([500, 200], Requests(emulator.Journal, "PUT", "/kylin/api/user_group/users/ops").Select(r => r.StatusCode));
        Assert.Equal(["alice"], emulator.GetGroupMembers("ops"));
    }

    [Fact]
    public async Task ADeleteWhoseAnswerWasLostSucceedsWhenTheResendFindsNothing()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        var group = emulator.AddGroup("ops");
        await using var provider = WithStandardHandler(emulator);
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ResponseLost, method: "DELETE"));

        await provider.GetRequiredKeyedService<JumpServerClient>("jms").UserGroups.DeleteAsync(group.Id);

        Assert.Equal([204, 404], Requests(emulator, "DELETE", GroupsPath).Select(r => r.StatusCode));
        Assert.Null(emulator.FindGroup(group.Id));
    }

    [Fact]
    public async Task ItsAttemptTimeoutIsATimeoutException()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        await using var provider = WithStandardHandler(emulator, configureStandard: standard =>
        {
            standard.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(200);
            standard.Retry.MaxRetryAttempts = 1;
        });
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.Stall, method: "GET", pathPrefix: GroupsPath), times: 2);

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => provider.GetRequiredKeyedService<JumpServerClient>("jms").UserGroups.ListAsync());

        // The standard pipeline's attempt timeout, not the call's: a stalled attempt's journal entry is written only
        // once the server notices the abort, so the attempts are not counted here.
        Assert.IsType<TimeoutRejectedException>(timeout.InnerException);
        Assert.Contains("did not complete within 0.2 s", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItsOpenCircuitFailsFastWithTheSdksException()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        await using var provider = WithStandardHandler(emulator, configureStandard: standard =>
        {
            standard.Retry.MaxRetryAttempts = 1;
            standard.CircuitBreaker.MinimumThroughput = 2;
            standard.CircuitBreaker.FailureRatio = 0.5;
        });
        var groups = provider.GetRequiredKeyedService<JumpServerClient>("jms").UserGroups;
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ServiceUnavailable, method: "GET", pathPrefix: GroupsPath), times: 2);
        await Assert.ThrowsAsync<UserGroupApiException>(() => groups.ListAsync());

        var failure = await Assert.ThrowsAsync<UserGroupApiException>(() => groups.ListAsync());

        var open = Assert.IsType<HttpRequestException>(failure.InnerException);
        Assert.IsType<BrokenCircuitException>(open.InnerException);
        Assert.Contains("circuit", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, Requests(emulator, "GET", GroupsPath).Count);
    }
}
