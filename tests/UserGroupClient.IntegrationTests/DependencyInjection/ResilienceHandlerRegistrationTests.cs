using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using UserGroupClient.JumpServer;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.IntegrationTests.DependencyInjection;

/// <summary><c>UseResilienceHandler</c>: a handler of the application's in the place of the SDK's resilience.</summary>
public sealed class ResilienceHandlerRegistrationTests
{
    [Fact]
    public async Task TheHandlerCarriesTheApiCallsAndTheLoginsAndEachOfItsSendsIsAnAttempt()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        var seen = new ConcurrentQueue<string>();
        var services = new ServiceCollection();
        services.AddJumpServerClient("jms", o =>
            {
                o.BaseAddress = emulator.BaseAddress;
                o.Credentials = JumpServerCredentials.Password(JumpServerEmulator.AdminUsername, JumpServerEmulator.AdminPassword);
            })
            .UseResilienceHandler(_ => new ResendOnceOnServerError(seen));
        await using var provider = services.BuildServiceProvider();
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.BadGateway, method: "GET"));

        await provider.GetRequiredKeyedService<JumpServerClient>("jms").UserGroups.ListAsync();

        // The call enters the handler first; the login it needs goes out from authentication, inside it.
        Assert.Equal(["GET /api/v1/users/groups/", "POST /api/v1/authentication/auth/"], seen);
        Assert.Equal(
            [("POST", 201), ("GET", 502), ("GET", 200)],
            emulator.Journal.Entries.Select(r => (r.Method, r.StatusCode)));
        Assert.All(emulator.Journal.Entries.Where(r => r.Method == "GET"), r => Assert.StartsWith("Bearer ", r.GetHeader("Authorization"), StringComparison.Ordinal));
    }

    [Fact]
    public void OnlyTheBuilderOfAUserGroupClientTakesIt()
    {
        var services = new ServiceCollection();

        var refused = Assert.Throws<InvalidOperationException>(() => services.AddHttpClient("mine").UseResilienceHandler(_ => new ResendOnceOnServerError(new())));

        Assert.Contains("'mine'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHandlerThatAlreadyHasAnInnerHandlerIsRefusedNamingTheClient()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddJumpServerClient("jms", o =>
            {
                o.BaseAddress = emulator.BaseAddress;
                o.Credentials = JumpServerCredentials.PrivateToken(emulator.AddPrivateToken(JumpServerEmulator.AdminUsername));
            })
            .UseResilienceHandler(_ => new ResendOnceOnServerError(new()) { InnerHandler = new SocketsHttpHandler() });
        await using var provider = services.BuildServiceProvider();

        var refused = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredKeyedService<JumpServerClient>("jms"));

        Assert.Contains("'jms'", refused.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Journal.Entries);
    }

    /// <summary>A resilience handler of an application's own: it sends the same request again after a 5xx.</summary>
    private sealed class ResendOnceOnServerError(ConcurrentQueue<string> seen) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Enqueue($"{request.Method} {request.RequestUri!.AbsolutePath}");
            var response = await base.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode < 500)
            {
                return response;
            }

            response.Dispose();
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
