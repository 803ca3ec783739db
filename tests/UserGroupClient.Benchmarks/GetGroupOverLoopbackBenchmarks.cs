using BenchmarkDotNet.Attributes;
using UserGroupClient.Benchmarks.Infrastructure;
using UserGroupClient.Benchmarks.PlainRefit;
using UserGroupClient.Benchmarks.Raw;
using UserGroupClient.JumpServer;

namespace UserGroupClient.Benchmarks;

/// <summary>
/// Measurement 2: get-group over real loopback HTTP against the JumpServer emulator (in its own process), through
/// the SDK, a raw <see cref="HttpClient"/>, RestSharp (given the same source-generated contracts, its best case), and
/// plain Refit (<see cref="IPlainRefitJumpServer"/>), which shows how much of the SDK's time is Refit's own.
/// </summary>
/// <remarks>
/// Each invocation makes <see cref="CallsPerInvoke"/> calls in a row, each awaited in one async method as an
/// application awaits them, and the results are per call. A single call per invocation would be measured under
/// BenchmarkDotNet's blocking wait: every call would start on the blocked benchmark thread and finish on a pool thread,
/// which no async application does, and which defeats the per-thread caches of pooled async state machines.
/// </remarks>
[MemoryDiagnoser]
[Paired(nameof(RawHttpClient), nameof(PlainRefit), nameof(Sdk), nameof(SdkWithoutResilience), nameof(RestSharp), InvocationsPerBlock = 64, Rounds = 40)]
public class GetGroupOverLoopbackBenchmarks : IDisposable
{
    private const int CallsPerInvoke = 16;

    private readonly EmulatorEndpoint _emulator = EmulatorEndpoint.Current;
    private readonly HttpClient _http;
    private readonly HttpClient _plainHttp;
    private readonly RawJumpServer _raw;
    private readonly IPlainRefitJumpServer _plainRefit;
    private readonly JumpServerClient _sdk;
    private readonly JumpServerClient _sdkWithoutResilience;
    private readonly RestSharpJumpServer _restSharp;

    public GetGroupOverLoopbackBenchmarks()
    {
        _http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = _emulator.BaseAddress };
        _raw = new RawJumpServer(_http, _emulator.Token, JumpServerOrganizations.Default);
        _plainHttp = new HttpClient(new SocketsHttpHandler()) { BaseAddress = _emulator.BaseAddress };
        _plainRefit = PlainRefitClient.Create(_plainHttp);
        _sdk = new JumpServerClient(new JumpServerClientOptions { BaseAddress = _emulator.BaseAddress, Credentials = JumpServerCredentials.Bearer(_emulator.Token) });
        _sdkWithoutResilience = new JumpServerClient(new JumpServerClientOptions
        {
            BaseAddress = _emulator.BaseAddress,
            Credentials = JumpServerCredentials.Bearer(_emulator.Token),
            Resilience = { Enabled = false },
        });
        _restSharp = new RestSharpJumpServer(_emulator.BaseAddress, _emulator.Token, JumpServerOrganizations.Default);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = CallsPerInvoke, Description = "raw HttpClient + STJ")]
    public Task<int> RawHttpClient() => InARow(static benchmarks => benchmarks._raw.GetGroupAsync(benchmarks._emulator.GroupId));

    // Not a target: the same GET through a bare Refit interface, over a connection pool of its own.
    [Benchmark(OperationsPerInvoke = CallsPerInvoke, Description = "plain Refit")]
    public Task<int> PlainRefit() => InARow(static benchmarks => benchmarks._plainRefit.GetGroupAsync(JumpServerOrganizations.Default, benchmarks._emulator.GroupId, benchmarks._emulator.Token));

    [Benchmark(OperationsPerInvoke = CallsPerInvoke, Description = "SDK typed API")]
    public Task<int> Sdk() => InARow(static benchmarks => benchmarks._sdk.UserGroups.GetAsync(benchmarks._emulator.GroupId));

    // Not a target: shows what resilience (two timeouts, then Polly: retry, circuit breaker) costs per call.
    [Benchmark(OperationsPerInvoke = CallsPerInvoke, Description = "SDK, resilience off")]
    public Task<int> SdkWithoutResilience() => InARow(static benchmarks => benchmarks._sdkWithoutResilience.UserGroups.GetAsync(benchmarks._emulator.GroupId));

    [Benchmark(OperationsPerInvoke = CallsPerInvoke, Description = "RestSharp")]
    public Task<int> RestSharp() => InARow(static benchmarks => benchmarks._restSharp.GetGroupAsync(benchmarks._emulator.GroupId));

    public void Dispose()
    {
        _sdk.Dispose();
        _sdkWithoutResilience.Dispose();
        _http.Dispose();
        _plainHttp.Dispose();
        _restSharp.Dispose();
        GC.SuppressFinalize(this);
    }

    // Counts the answers, so that every one is used.
    private async Task<int> InARow<T>(Func<GetGroupOverLoopbackBenchmarks, Task<T>> call)
        where T : class
    {
        var seen = 0;
        for (var i = 0; i < CallsPerInvoke; i++)
        {
            seen += (await call(this).ConfigureAwait(false)) is null ? 0 : 1;
        }

        return seen;
    }
}
