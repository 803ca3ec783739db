using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
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
/// What the application's own settings of the standard pipeline can and cannot change: its <c>DisableFor…()</c> and
/// <c>ShouldHandle</c> narrow what the SDK's classifier allows, never widen it, so no setting makes a create resent, a
/// business error retried or a success counted against the circuit.
/// </summary>
public sealed class StandardResilienceSettingsTests
{
    private static readonly Func<Polly.Retry.RetryPredicateArguments<HttpResponseMessage>, ValueTask<bool>> RetryEverything = _ => ValueTask.FromResult(true);

    [Fact]
    public async Task DisableForUnsafeHttpMethodsStopsPutRetriesAndLeavesGetsToTheSdksVerdict()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        var group = emulator.AddGroup("ops");
        await using var provider = WithStandardHandler(emulator, configureStandard: standard => standard.Retry.DisableForUnsafeHttpMethods());
        var groups = provider.GetRequiredKeyedService<JumpServerClient>("jms").UserGroups;
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ServiceUnavailable, method: "PUT", pathPrefix: GroupsPath), times: 2);
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ServiceUnavailable, method: "GET", pathPrefix: GroupsPath));

        var failure = await Assert.ThrowsAsync<UserGroupApiException>(() => groups.UpdateAsync(group.Id, new JumpServerUserGroupUpdate("ops-renamed")));
        await groups.ListAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.StatusCode);
        Assert.Single(Requests(emulator, "PUT", GroupsPath));
        Assert.Equal("ops", emulator.FindGroup(group.Id)?.Name);
        Assert.Equal([503, 200], Requests(emulator, "GET", GroupsPath).Select(r => r.StatusCode));
    }

    [Fact]
    public async Task AShouldHandleAssignedAfterDisableForUndoesItButNeverMakesACreateResent()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        var group = emulator.AddGroup("ops");
        await using var provider = WithStandardHandler(emulator, configureStandard: standard =>
        {
            standard.Retry.DisableForUnsafeHttpMethods();
            standard.Retry.ShouldHandle = RetryEverything;
        });
        var groups = provider.GetRequiredKeyedService<JumpServerClient>("jms").UserGroups;
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ServiceUnavailable, method: "PUT", pathPrefix: GroupsPath));
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ServiceUnavailable, method: "POST", pathPrefix: GroupsPath), times: 2);

        // As in Microsoft.Extensions.Http.Resilience, the assignment replaced the DisableFor wrapper: a PUT is resent.
        await groups.UpdateAsync(group.Id, new JumpServerUserGroupUpdate("ops-renamed"));
        var failure = await Assert.ThrowsAsync<UserGroupApiException>(() => groups.CreateAsync(new JumpServerUserGroupCreate("dev")));

        Assert.Equal([503, 200], Requests(emulator, "PUT", GroupsPath).Select(r => r.StatusCode));
        Assert.Equal("ops-renamed", emulator.FindGroup(group.Id)?.Name);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.StatusCode);
        Assert.Single(Requests(emulator, "POST", GroupsPath));
        Assert.Equal(1, emulator.Faults.Pending);
    }

    [Fact]
    public async Task RetryOptionsReplacedWholeCannotMakeAnOwlCreateByPutResent()
    {
        await using var emulator = await OwlEmulator.StartAsync();
        // A new HttpRetryStrategyOptions carries Microsoft's default predicate, which retries any 503.
        await using var provider = WithStandardHandler(emulator, standard => standard.Retry = new HttpRetryStrategyOptions { Delay = TimeSpan.Zero });
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ServiceUnavailable, method: "PUT", pathPrefix: "/api/v1/usergroups"), times: 2);

        var failure = await Assert.ThrowsAsync<UserGroupApiException>(() => provider.GetRequiredKeyedService<OwlClient>("owl").UserGroups.CreateAsync("ops"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.StatusCode);
        Assert.Single(Requests(emulator.Journal, "PUT", "/api/v1/usergroups"));
        Assert.Empty(emulator.GetUserGroups());
    }

    [Fact]
    public async Task ARetryPredicateThatRetriesEverythingLeavesAKylinBusinessErrorFinal()
    {
        await using var emulator = await KylinEmulator.StartAsync();
        emulator.AddGroup("ops");
        await using var provider = WithStandardHandler(emulator, standard => standard.Retry.ShouldHandle = RetryEverything);

        await Assert.ThrowsAsync<UserGroupNotFoundException>(() =>
            provider.GetRequiredKeyedService<KylinClient>("kylin").UserGroups.SetGroupUsersAsync("ops", ["nobody"]));

        var attempt = Assert.Single(Requests(emulator.Journal, "PUT", "/kylin/api/user_group/users/ops"));
        Assert.Equal(500, attempt.StatusCode);
    }

    [Fact]
    public async Task AnAssignedRetryPredicateStillNarrowsWhatIsRetried()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        await using var provider = WithStandardHandler(emulator, configureStandard: standard =>
            standard.Retry.ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.StatusCode != HttpStatusCode.BadGateway));
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.BadGateway, method: "GET", pathPrefix: GroupsPath), times: 2);

        var failure = await Assert.ThrowsAsync<UserGroupApiException>(() => provider.GetRequiredKeyedService<JumpServerClient>("jms").UserGroups.ListAsync());

        Assert.Equal(HttpStatusCode.BadGateway, failure.StatusCode);
        Assert.Single(Requests(emulator, "GET", GroupsPath));
    }

    [Fact]
    public async Task ACircuitBreakerPredicateCannotCountSuccessesAsFailures()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        await using var provider = WithStandardHandler(emulator, configureStandard: standard =>
        {
            standard.CircuitBreaker.ShouldHandle = _ => ValueTask.FromResult(true);
            standard.CircuitBreaker.MinimumThroughput = 2;
            standard.CircuitBreaker.FailureRatio = 0.5;
        });
        var groups = provider.GetRequiredKeyedService<JumpServerClient>("jms").UserGroups;

        for (var call = 0; call < 4; call++)
        {
            await groups.ListAsync();
        }

        Assert.Equal(4, Requests(emulator, "GET", GroupsPath).Count(r => r.StatusCode == 200));
    }

    [Fact]
    public async Task ASecondCallAddsItsSettingsAfterTheFirstOnes()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        var group = emulator.AddGroup("ops");
        var key = emulator.AddAccessKey(JumpServerEmulator.AdminUsername);
        var services = new ServiceCollection();
        services.AddJumpServerClient("jms", o => (o.BaseAddress, o.Credentials) = (emulator.BaseAddress, JumpServerCredentials.AccessKey(key.Id, key.Secret)))
            .UseStandardResilienceHandler(standard => (standard.Retry.Delay, standard.Retry.MaxRetryAttempts) = (TimeSpan.Zero, 1))
            .UseStandardResilienceHandler(standard => standard.Retry.DisableFor(HttpMethod.Get))
            .UseStandardResilienceHandler(standard => standard.Retry.MaxRetryAttempts = 2);
        await using var provider = services.BuildServiceProvider();
        var groups = provider.GetRequiredKeyedService<JumpServerClient>("jms").UserGroups;
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ServiceUnavailable, method: "GET", pathPrefix: GroupsPath), times: 2);
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ServiceUnavailable, method: "PUT", pathPrefix: GroupsPath), times: 2);

        await Assert.ThrowsAsync<UserGroupApiException>(() => groups.ListAsync());
        await groups.UpdateAsync(group.Id, new JumpServerUserGroupUpdate("ops-renamed"));

        Assert.Single(Requests(emulator, "GET", GroupsPath));
        Assert.Equal([503, 503, 200], Requests(emulator, "PUT", GroupsPath).Select(r => r.StatusCode));
    }

    [Fact]
    public async Task ARetryBudgetIsRefusedWhenTheClientIsResolvedNotIgnored()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
#pragma warning disable EXTEXP0001 // Experimental in Microsoft.Extensions.Http.Resilience: what the handler does with one is pinned here.
        await using var provider = WithStandardHandler(emulator, configureStandard: standard => standard.Retry.UseBudgetedRetries());
#pragma warning restore EXTEXP0001

        var refused = Assert.Throws<ValidationException>(() => provider.GetRequiredKeyedService<JumpServerClient>("jms"));

        Assert.Contains("RetryBudget", refused.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Journal.Entries);
    }

    [Fact]
    public void ABuilderThatIsNoUserGroupClientsIsRefusedBeforeAnythingIsAdded()
    {
        var services = new ServiceCollection();
        var builder = services.AddHttpClient("mine");
        var registered = services.Count;

        var refused = Assert.Throws<InvalidOperationException>(() => builder.UseStandardResilienceHandler());

        Assert.Contains("'mine'", refused.Message, StringComparison.Ordinal);
        Assert.Equal(registered, services.Count);
    }
}
