using BenchmarkDotNet.Attributes;
using UserGroupClient.Benchmarks.Infrastructure;
using UserGroupClient.Benchmarks.Raw;
using UserGroupClient.JumpServer;

namespace UserGroupClient.Benchmarks;

/// <summary>
/// Measurement 1: what the SDK layer costs per call, with no network. Both sides send the same request to the same
/// in-memory handler and parse the same body; the SDK runs its whole path (bearer auth, resilience pipeline, attempt
/// telemetry, call logging, size limit, error mapping) around it.
/// </summary>
[MemoryDiagnoser]
public class GetGroupOverStubBenchmarks : IDisposable
{
    private const string Token = "3f1e6a8c-9b2d-4c7e-8f10-5a6b7c8d9e0f";

    private readonly HttpClient _http = new(new StubHandler(SampleBodies.GroupDetail)) { BaseAddress = new Uri("http://jumpserver.test/") };
    private readonly RawJumpServer _raw;
    private readonly JumpServerClient _sdk;
    private readonly JumpServerClient _sdkWithoutResilience;

    public GetGroupOverStubBenchmarks()
    {
        _raw = new RawJumpServer(_http, Token, JumpServerOrganizations.Default);
        _sdk = new JumpServerClient(
            new JumpServerClientOptions { BaseAddress = _http.BaseAddress, Credentials = JumpServerCredentials.Bearer(Token) },
            _http);
        _sdkWithoutResilience = new JumpServerClient(
            new JumpServerClientOptions { BaseAddress = _http.BaseAddress, Credentials = JumpServerCredentials.Bearer(Token), Resilience = { Enabled = false } },
            _http);
    }

    [Benchmark(Baseline = true, Description = "raw HttpClient + STJ")]
    public Task<RawGroup> RawHttpClient() => _raw.GetGroupAsync(SampleBodies.GroupId);

    [Benchmark(Description = "SDK typed API")]
    public Task<JumpServerUserGroup> Sdk() => _sdk.UserGroups.GetAsync(SampleBodies.GroupId);

    // Not a target: shows what resilience (two timeouts, then Polly: retry, circuit breaker) costs per call.
    [Benchmark(Description = "SDK, resilience off")]
    public Task<JumpServerUserGroup> SdkWithoutResilience() => _sdkWithoutResilience.UserGroups.GetAsync(SampleBodies.GroupId);

    public void Dispose()
    {
        _sdk.Dispose();
        _sdkWithoutResilience.Dispose();
        _http.Dispose();
        GC.SuppressFinalize(this);
    }
}
