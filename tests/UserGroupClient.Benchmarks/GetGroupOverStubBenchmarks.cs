using BenchmarkDotNet.Attributes;
using UserGroupClient.Benchmarks.Infrastructure;
using UserGroupClient.Benchmarks.PlainRefit;
using UserGroupClient.Benchmarks.Raw;
using UserGroupClient.JumpServer;

namespace UserGroupClient.Benchmarks;

/// <summary>
/// Measurement 1: what the SDK's layers cost per call, with no network. Every case sends the same request through the
/// same <see cref="HttpClient"/> to the same in-memory handler and parses the same body. The reference is the same GET
/// through a bare Refit interface (<see cref="IPlainRefitJumpServer"/>); the SDK runs its whole path around Refit
/// (call handler: timeout, size limit, error mapping, logging; resilience and attempt telemetry; bearer
/// authentication), with its defaults: no listener on its telemetry, a null logger. The paired run measures the
/// reference, the typed call and the facade side by side (the observed case attaches a process-wide listener, so it
/// runs only under BenchmarkDotNet, in processes of its own).
/// </summary>
[MemoryDiagnoser]
[Paired(nameof(PlainRefit), nameof(Sdk), nameof(Facade), InvocationsPerBlock = 4_000, Rounds = 30)]
public class GetGroupOverStubBenchmarks : IDisposable
{
    private const string Token = "3f1e6a8c-9b2d-4c7e-8f10-5a6b7c8d9e0f";

    private readonly HttpClient _http = new(new StubHandler(SampleBodies.GroupDetail)) { BaseAddress = new Uri("http://jumpserver.test/") };
    private readonly ObservedTelemetry _observed = new();
    private readonly RawJumpServer _raw;
    private readonly IPlainRefitJumpServer _plainRefit;
    private readonly JumpServerClient _sdk;
    private readonly IUserGroupService _facade;
    private readonly JumpServerClient _sdkObserved;
    private readonly JumpServerClient _sdkWithoutResilience;
    private readonly RestSharpJumpServer _restSharp;

    public GetGroupOverStubBenchmarks()
    {
        _raw = new RawJumpServer(_http, Token, JumpServerOrganizations.Default);
        _plainRefit = PlainRefitClient.Create(_http);
        _sdk = new JumpServerClient(new JumpServerClientOptions { BaseAddress = _http.BaseAddress, Credentials = JumpServerCredentials.Bearer(Token) }, _http);
        _facade = _sdk.AsUserGroupService();
        _sdkObserved = new JumpServerClient(
            new JumpServerClientOptions { BaseAddress = _http.BaseAddress, Credentials = JumpServerCredentials.Bearer(Token), LoggerFactory = _observed.LoggerFactory },
            _http);
        _sdkWithoutResilience = new JumpServerClient(
            new JumpServerClientOptions { BaseAddress = _http.BaseAddress, Credentials = JumpServerCredentials.Bearer(Token), Resilience = { Enabled = false } },
            _http);
        _restSharp = new RestSharpJumpServer(_http, Token, JumpServerOrganizations.Default);
    }

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
        _sdk.Dispose();
        _sdkObserved.Dispose();
        _sdkWithoutResilience.Dispose();
        _restSharp.Dispose();
        _observed.Dispose();
        _http.Dispose();
        GC.SuppressFinalize(this);
    }
}
