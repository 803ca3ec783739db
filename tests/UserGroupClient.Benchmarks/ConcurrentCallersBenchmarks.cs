using BenchmarkDotNet.Attributes;
using UserGroupClient.Benchmarks.Infrastructure;
using UserGroupClient.Benchmarks.Raw;
using UserGroupClient.JumpServer;

namespace UserGroupClient.Benchmarks;

/// <summary>
/// Measurement 5: 64 callers at once, each reading a group 16 times in a row, through one client: the SDK versus one
/// raw <see cref="HttpClient"/> and one RestSharp client over the same emulator. Results are per call, so the inverse
/// of the mean is throughput.
/// </summary>
[MemoryDiagnoser]
[Paired(nameof(RawHttpClient), nameof(Sdk), nameof(RestSharp), InvocationsPerBlock = 4, Rounds = 30)]
public class ConcurrentCallersBenchmarks : IDisposable
{
    private const int Callers = 64;
    private const int CallsPerCaller = 16;
    private const int Calls = Callers * CallsPerCaller;

    private readonly EmulatorEndpoint _emulator = EmulatorEndpoint.Current;
    private readonly HttpClient _http;
    private readonly RawJumpServer _raw;
    private readonly JumpServerClient _sdk;
    private readonly RestSharpJumpServer _restSharp;

    public ConcurrentCallersBenchmarks()
    {
        _http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = _emulator.BaseAddress };
        _raw = new RawJumpServer(_http, _emulator.Token, JumpServerOrganizations.Default);
        _sdk = new JumpServerClient(new JumpServerClientOptions { BaseAddress = _emulator.BaseAddress, Credentials = JumpServerCredentials.Bearer(_emulator.Token) });
        _restSharp = new RestSharpJumpServer(_emulator.BaseAddress, _emulator.Token, JumpServerOrganizations.Default);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls, Description = "raw HttpClient, 64 callers")]
    public Task RawHttpClient() => RunCallers(async () => await _raw.GetGroupAsync(_emulator.GroupId).ConfigureAwait(false));

    [Benchmark(OperationsPerInvoke = Calls, Description = "SDK, 64 callers")]
    public Task Sdk() => RunCallers(async () => await _sdk.UserGroups.GetAsync(_emulator.GroupId).ConfigureAwait(false));

    [Benchmark(OperationsPerInvoke = Calls, Description = "RestSharp, 64 callers")]
    public Task RestSharp() => RunCallers(async () => await _restSharp.GetGroupAsync(_emulator.GroupId).ConfigureAwait(false));

    public void Dispose()
    {
        _sdk.Dispose();
        _http.Dispose();
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
