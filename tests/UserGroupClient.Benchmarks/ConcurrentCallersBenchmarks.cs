using BenchmarkDotNet.Attributes;
using UserGroupClient.Benchmarks.Infrastructure;
using UserGroupClient.Benchmarks.PlainRefit;
using UserGroupClient.Benchmarks.Raw;
using UserGroupClient.JumpServer;

namespace UserGroupClient.Benchmarks;

/// <summary>
/// Measurement 5: 64 callers at once, each reading a group 16 times in a row, through one client: the SDK versus one
/// raw <see cref="HttpClient"/> and one RestSharp client over the same emulator, with plain Refit and the SDK without
/// resilience beside them to show whose time is whose. Results are per call, so the inverse of the mean is throughput.
/// </summary>
[MemoryDiagnoser]
[Paired(nameof(RawHttpClient), nameof(PlainRefit), nameof(Sdk), nameof(SdkWithoutResilience), nameof(RestSharp), InvocationsPerBlock = 4, Rounds = 30)]
public class ConcurrentCallersBenchmarks : IDisposable
{
    private const int Callers = 64;
    private const int CallsPerCaller = 16;
    private const int Calls = Callers * CallsPerCaller;

    private readonly EmulatorEndpoint _emulator = EmulatorEndpoint.Current;
    private readonly HttpClient _http;
    private readonly HttpClient _plainHttp;
    private readonly RawJumpServer _raw;
    private readonly IPlainRefitJumpServer _plainRefit;
    private readonly JumpServerClient _sdk;
    private readonly JumpServerClient _sdkWithoutResilience;
    private readonly RestSharpJumpServer _restSharp;

    public ConcurrentCallersBenchmarks()
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

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls, Description = "raw HttpClient, 64 callers")]
    public Task RawHttpClient() => RunCallers(async () => await _raw.GetGroupAsync(_emulator.GroupId).ConfigureAwait(false));

    // Not a target: the same GET through a bare Refit interface, over a connection pool of its own.
    [Benchmark(OperationsPerInvoke = Calls, Description = "plain Refit, 64 callers")]
    public Task PlainRefit() => RunCallers(async () => await _plainRefit.GetGroupAsync(JumpServerOrganizations.Default, _emulator.GroupId, _emulator.Token).ConfigureAwait(false));

    [Benchmark(OperationsPerInvoke = Calls, Description = "SDK, 64 callers")]
    public Task Sdk() => RunCallers(async () => await _sdk.UserGroups.GetAsync(_emulator.GroupId).ConfigureAwait(false));

    // Not a target: shows what resilience (two timeouts, then Polly: retry, circuit breaker) costs under concurrency.
    [Benchmark(OperationsPerInvoke = Calls, Description = "SDK, resilience off, 64 callers")]
    public Task SdkWithoutResilience() => RunCallers(async () => await _sdkWithoutResilience.UserGroups.GetAsync(_emulator.GroupId).ConfigureAwait(false));

    [Benchmark(OperationsPerInvoke = Calls, Description = "RestSharp, 64 callers")]
    public Task RestSharp() => RunCallers(async () => await _restSharp.GetGroupAsync(_emulator.GroupId).ConfigureAwait(false));

    public void Dispose()
    {
        _sdk.Dispose();
        _sdkWithoutResilience.Dispose();
        _http.Dispose();
        _plainHttp.Dispose();
        _restSharp.Dispose();
        GC.SuppressFinalize(this);
    }

    private static Task RunCallers(Func<Task> call) =>
        Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < CallsPerCaller; i++)
            {
                await call().ConfigureAwait(false);
            }
        })));
}
