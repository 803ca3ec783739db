using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Http;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Resilience;

/// <summary>
/// An application's own resilience handler (<c>UseResilienceHandler</c>) in place of the SDK's: each time it sends the
/// request on is an attempt the SDK numbers (Debug log, retry counter), asks for a compressed answer on and
/// authenticates; a resent DELETE that finds nothing has done its work; its Polly refusals reach the caller as the
/// SDK's exceptions; and a handler that already has an inner handler is refused, naming the client.
/// </summary>
public sealed class HostedResilienceAttemptTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";
    private const string GroupJson = $$"""{"id":"{{GroupId}}","name":"ops","comment":"","users":[]}""";
    private const string NotFoundJson = """{"detail":"UserGroup object does not exist.","code":"object_does_not_exist"}""";

    [Fact]
    public async Task EachResendOfTheApplicationsHandlerIsANumberedAuthenticatedAttempt()
    {
        var client = $"hosted-{Guid.NewGuid():N}";
        var logs = new LevelledLogs(LogLevel.Debug);
        var retries = new List<object?>();
        using var meters = RetryCounter.Listen(client, retries);
        var stub = new StubHandler((_, index) => index == 0 ? new HttpResponseMessage(HttpStatusCode.BadGateway) : StubHandler.Json(HttpStatusCode.OK, GroupJson));
        await using var provider = Provider(stub, () => new Resend(times: 2), o =>
        {
            o.ClientName = client;
            o.LoggerFactory = logs;
        });

        var group = await provider.GetRequiredKeyedService<JumpServerClient>("ops").UserGroups.GetAsync(GroupId);

        Assert.Equal("ops", group.Name);
        Assert.Equal(2, stub.Requests.Count);
        Assert.All(stub.Requests, r => Assert.Equal("Bearer tok-8812", r.Header("Authorization")));
        Assert.All(stub.Requests, r => Assert.Equal("gzip, br", r.Header("Accept-Encoding")));
        Assert.Equal(new object?[] { 1 }, retries);
        var attempts = logs.Events.Where(e => e.EventId == 1002).Select(e => e.Message).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.StartsWith($"{client}: attempt 1 GET /api/v1/users/groups/{GroupId}/ answered 502", attempts[0], StringComparison.Ordinal);
        Assert.StartsWith($"{client}: attempt 2 GET /api/v1/users/groups/{GroupId}/ answered 200", attempts[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAttemptThatFailsInTransitIsLoggedAsFailed()
    {
        var logs = new LevelledLogs(LogLevel.Debug);
        var stub = new StubHandler((_, index) => index == 0 ? throw new HttpRequestException("connection reset") : StubHandler.Json(HttpStatusCode.OK, GroupJson));
        await using var provider = Provider(stub, () => new Resend(times: 2), o =>
        {
            o.ClientName = "hosted-failing";
            o.LoggerFactory = logs;
        });

        await provider.GetRequiredKeyedService<JumpServerClient>("ops").UserGroups.GetAsync(GroupId);

        var failed = Assert.Single(logs.Events, e => e.EventId == 1003);
        Assert.StartsWith($"hosted-failing: attempt 1 GET /api/v1/users/groups/{GroupId}/ failed after ", failed.Message, StringComparison.Ordinal);
        Assert.EndsWith("HttpRequestException", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResentDeleteThatFindsNothingHasDoneItsWork()
    {
        var stub = new StubHandler((_, index) => index == 0 ? throw new HttpRequestException("connection reset") : StubHandler.Json(HttpStatusCode.NotFound, NotFoundJson));
        await using var provider = Provider(stub, () => new Resend(times: 2));

        await provider.GetRequiredKeyedService<JumpServerClient>("ops").UserGroups.DeleteAsync(GroupId);

        Assert.Equal(["DELETE", "DELETE"], stub.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task ADeleteThatFindsNothingAtTheFirstAttemptIsNotFound()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.NotFound, NotFoundJson));
        await using var provider = Provider(stub, () => new Resend(times: 2));

        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => provider.GetRequiredKeyedService<JumpServerClient>("ops").UserGroups.DeleteAsync(GroupId));

        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task ThePollyRefusalsOfTheApplicationsHandlerAreTheSdksExceptions()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, GroupJson));
        await using var timingOut = Provider(stub, () => new Refusing(new TimeoutRejectedException("too slow", TimeSpan.FromSeconds(4))));
        await using var broken = Provider(stub, () => new Refusing(new BrokenCircuitException("open")));

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => timingOut.GetRequiredKeyedService<JumpServerClient>("ops").UserGroups.GetAsync(GroupId));
        var circuit = await Assert.ThrowsAsync<UserGroupApiException>(() => broken.GetRequiredKeyedService<JumpServerClient>("ops").UserGroups.GetAsync(GroupId));

        Assert.Contains("did not complete within 4 s", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("circuit to https://jms.example.com is open", circuit.Message, StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task AHandlerThatAlreadyHasAnInnerHandlerIsRefusedNamingTheClient()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, GroupJson));
        await using var provider = Provider(stub, () => new Resend(times: 1) { InnerHandler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)) });

        var refused = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredKeyedService<JumpServerClient>("ops"));

        Assert.Equal(
            "The resilience handler of the user-group client 'ops' (Resend) already has an inner handler; return a new handler without one: the SDK puts the client's attempts under it.",
            refused.Message);
    }

    private static ServiceProvider Provider(StubHandler stub, Func<DelegatingHandler> resilience, Action<JumpServerClientOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddJumpServerClient("ops", o =>
            {
                o.BaseAddress = new Uri("https://jms.example.com/");
                o.Credentials = JumpServerCredentials.Bearer("tok-8812");
                configure?.Invoke(o);
            })
            .ConfigurePrimaryHttpMessageHandler(() => stub)
            .UseResilienceHandler(_ => resilience());
        return services.BuildServiceProvider();
    }

    /// <summary>An application's retry: sends the same request again after a 5xx or a failure in transit, up to <c>times</c> sends.</summary>
    private sealed class Resend(int times) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            for (var send = 1; ; send++)
            {
                try
                {
                    var response = await base.SendAsync(request, cancellationToken);
                    if (send == times || (int)response.StatusCode < 500)
                    {
                        return response;
                    }

                    response.Dispose();
                }
                catch (HttpRequestException) when (send < times)
                {
                }
            }
        }
    }

    /// <summary>An application's pipeline that refuses every call as Polly does.</summary>
    private sealed class Refusing(Exception refusal) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromException<HttpResponseMessage>(refusal);
    }
}
