using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using UserGroupClient.Benchmarks.Infrastructure;
using UserGroupClient.Benchmarks.PlainRefit;
using UserGroupClient.Benchmarks.Raw;
using UserGroupClient.JumpServer;

namespace UserGroupClient.Benchmarks;

/// <summary>
/// Measurement 1: what the SDK's layers cost per call, with no network. Every case sends the same request to the same
/// in-memory handler and parses the same body. The reference is the same GET through a bare Refit interface
/// (<see cref="IPlainRefitJumpServer"/>) over an <see cref="HttpClient"/> on that handler. The SDK's client is
/// registered as applications register it (<c>AddJumpServerClient</c>, the handler as its primary handler) and runs
/// its whole path around Refit (call handler: timeout, size limit, error mapping, logging; resilience and attempt
/// telemetry; bearer authentication) with its defaults: no listener on its telemetry, a logger with no provider. The
/// factory's own request logging is removed (<c>RemoveAllLoggers</c>), as the reference has none. The paired run
/// measures the reference, the typed call and the facade side by side (the observed case attaches a process-wide
/// listener, so it runs only under BenchmarkDotNet, in processes of its own). A client given an HttpClient of the
/// caller's sends a copy of each request through it (an HttpClient refuses a message another one sent): a row of its
/// own shows that cost.
/// </summary>
[MemoryDiagnoser]
[Paired(nameof(PlainRefit), nameof(Sdk), nameof(Facade), InvocationsPerBlock = 4_000, Rounds = 30)]
public class GetGroupOverStubBenchmarks : IDisposable
{
    private const string Token = "3f1e6a8c-9b2d-4c7e-8f10-5a6b7c8d9e0f";

    private readonly StubHandler _stub = new(SampleBodies.GroupDetail);
    private readonly HttpClient _http;
    private readonly ObservedTelemetry _observed = new();
    private readonly RawJumpServer _raw;
    private readonly IPlainRefitJumpServer _plainRefit;
    private readonly ServiceProvider _services;
    private readonly JumpServerClient _sdk;
    private readonly IUserGroupService _facade;
    private readonly JumpServerClient _sdkObserved;
    private readonly JumpServerClient _sdkWithoutResilience;
    private readonly JumpServerClient _sdkOverCallersClient;
    private readonly RestSharpJumpServer _restSharp;

    public GetGroupOverStubBenchmarks()
    {
        _http = new HttpClient(_stub, disposeHandler: false) { BaseAddress = Server };
        _raw = new RawJumpServer(_http, Token, JumpServerOrganizations.Default);
        _plainRefit = PlainRefitClient.Create(_http);

        var services = new ServiceCollection();
        Register(services, "sdk", _ => { });
        Register(services, "observed", options => options.LoggerFactory = _observed.LoggerFactory);
        Register(services, "no-resilience", options => options.Resilience.Enabled = false);
        _services = services.BuildServiceProvider();
        _sdk = _services.GetRequiredKeyedService<JumpServerClient>("sdk");
        _facade = _sdk.AsUserGroupService();
        _sdkObserved = _services.GetRequiredKeyedService<JumpServerClient>("observed");
        _sdkWithoutResilience = _services.GetRequiredKeyedService<JumpServerClient>("no-resilience");
        _sdkOverCallersClient = new JumpServerClient(new JumpServerClientOptions { BaseAddress = Server, Credentials = JumpServerCredentials.Bearer(Token) }, _http);
        _restSharp = new RestSharpJumpServer(_http, Token, JumpServerOrganizations.Default);
    }

    private static Uri Server { get; } = new("http://jumpserver.test/");

    [Benchmark(Description = "raw HttpClient + STJ")]
    public Task<RawGroup> RawHttpClient() => _raw.GetGroupAsync(SampleBodies.GroupId);

    [Benchmark(Baseline = true, Description = "plain Refit")]
    public Task<JumpServerUserGroup> PlainRefit() => _plainRefit.GetGroupAsync(JumpServerOrganizations.Default, SampleBodies.GroupId, Token);

    [Benchmark(Description = "SDK typed API")]
    public Task<JumpServerUserGroup> Sdk() => _sdk.UserGroups.GetAsync(SampleBodies.GroupId);

    [Benchmark(Description = "SDK facade GetGroupAsync")]
    public Task<UserGroup> Facade() => _facade.GetGroupAsync(SampleBodies.GroupId);

    [Benchmark(Description = "SDK typed API, ActivityListener + logger")]
    public Task<JumpServerUserGroup> SdkObserved() => _sdkObserved.UserGroups.GetAsync(SampleBodies.GroupId);

    // Not a target: what a client given the caller's HttpClient pays for the copy of each request it sends through it.
    [Benchmark(Description = "SDK typed API over a caller's HttpClient")]
    public Task<JumpServerUserGroup> SdkOverCallersClient() => _sdkOverCallersClient.UserGroups.GetAsync(SampleBodies.GroupId);

    // Not a target: shows what resilience (two timeouts, then Polly: retry, circuit breaker) costs per call.
    [Benchmark(Description = "SDK, resilience off")]
    public Task<JumpServerUserGroup> SdkWithoutResilience() => _sdkWithoutResilience.UserGroups.GetAsync(SampleBodies.GroupId);

    [Benchmark(Description = "RestSharp")]
    public Task<RawGroup> RestSharp() => _restSharp.GetGroupAsync(SampleBodies.GroupId);

    [GlobalSetup(Target = nameof(SdkObserved))]
    public void AttachListener() => _observed.Attach();

    [GlobalCleanup(Target = nameof(SdkObserved))]
    public void DetachListener() => _observed.Detach();

    public void Dispose()
    {
        _services.Dispose();
        _sdkOverCallersClient.Dispose();
        _restSharp.Dispose();
        _observed.Dispose();
        _http.Dispose();
        _stub.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Register(ServiceCollection services, string name, Action<JumpServerClientOptions> configure) =>
        services.AddJumpServerClient(name, options =>
            {
                options.BaseAddress = Server;
                options.Credentials = JumpServerCredentials.Bearer(Token);
                configure(options);
            })
            .ConfigurePrimaryHttpMessageHandler(() => _stub)
            .RemoveAllLoggers();
}
