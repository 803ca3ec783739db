using BenchmarkDotNet.Attributes;
using UserGroupClient.Benchmarks.Infrastructure;
using UserGroupClient.Benchmarks.Raw;
using UserGroupClient.JumpServer;

namespace UserGroupClient.Benchmarks;

/// <summary>
/// Measurement 4: every group of an organization streamed through <see cref="IUserGroupService.ListGroupsAsync"/>
/// with pages of 1,000, against a raw paging loop and a RestSharp paging loop over the same emulator. Two counts, so
/// that memory growing with the number of groups would show; each benchmark writes its process's peak working set
/// beside the exports, and the paired run counts what each contender allocates on the large-object heap.
/// </summary>
[MemoryDiagnoser]
[Paired(nameof(RawPagingLoop), nameof(Sdk), nameof(RestSharpPagingLoop), Rounds = 10)]
public class ListGroupsStreamingBenchmarks : IDisposable, IPagedListing
{
    private const int PageSize = 1_000;

    private readonly EmulatorEndpoint _emulator = EmulatorEndpoint.Current;
    private HttpClient? _http;
    private RawJumpServer? _raw;
    private JumpServerClient? _sdk;
    private RestSharpJumpServer? _restSharp;

    [ParamsSource(nameof(Counts))]
    public int Groups { get; set; }

    public static IEnumerable<int> Counts => BenchmarkSettings.StreamingGroupCounts;

    public int Pages => (Groups + PageSize - 1) / PageSize;

    [GlobalSetup]
    public void Setup()
    {
        var organization = _emulator.StreamingOrganizations[Groups];
        _http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = _emulator.BaseAddress };
        _raw = new RawJumpServer(_http, _emulator.Token, organization);
        _sdk = new JumpServerClient(new JumpServerClientOptions
        {
            BaseAddress = _emulator.BaseAddress,
            Credentials = JumpServerCredentials.Bearer(_emulator.Token),
            OrganizationId = organization,
        });
        _restSharp = new RestSharpJumpServer(_emulator.BaseAddress, _emulator.Token, organization);
    }

    [Benchmark(Baseline = true, Description = "raw paging loop")]
    public Task<int> RawPagingLoop() => PagingLoop(static (benchmarks, offset) => benchmarks._raw!.ListGroupsAsync(PageSize, offset));

    [Benchmark(Description = "SDK ListGroupsAsync")]
    public async Task<int> Sdk()
    {
        var seen = 0;
        await foreach (var group in _sdk!.AsUserGroupService().ListGroupsAsync(new UserGroupQuery { PageSize = PageSize }).ConfigureAwait(false))
        {
            seen += group.Name.Length > 0 ? 1 : 0;
        }

        return Checked(seen);
    }

    [Benchmark(Description = "RestSharp paging loop")]
    public Task<int> RestSharpPagingLoop() => PagingLoop(static (benchmarks, offset) => benchmarks._restSharp!.ListGroupsAsync(PageSize, offset));

    [GlobalCleanup(Target = nameof(RawPagingLoop))]
    public void CleanupRaw() => Cleanup(nameof(RawPagingLoop));

    [GlobalCleanup(Target = nameof(Sdk))]
    public void CleanupSdk() => Cleanup(nameof(Sdk));

    [GlobalCleanup(Target = nameof(RestSharpPagingLoop))]
    public void CleanupRestSharp() => Cleanup(nameof(RestSharpPagingLoop));

    public Task<long> PageBytesAsync() => _raw!.PageBytesAsync(PageSize);

    public void Dispose()
    {
        _sdk?.Dispose();
        _http?.Dispose();
        _restSharp?.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<int> PagingLoop(Func<ListGroupsStreamingBenchmarks, int, Task<RawPage>> listPage)
    {
        var seen = 0;
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await listPage(this, offset).ConfigureAwait(false);
            foreach (var group in page.Results)
            {
                seen += group.Name.Length > 0 ? 1 : 0;
            }

            if (page.Results.Count == 0 || offset + page.Results.Count >= page.Count)
            {
                return Checked(seen);
            }
        }
    }

    private int Checked(int seen) =>
        seen == Groups ? seen : throw new InvalidOperationException($"Streamed {seen} groups, expected {Groups}.");

    private void Cleanup(string method)
    {
        PeakWorkingSet.Write(nameof(ListGroupsStreamingBenchmarks), method, Groups);
        Dispose();
    }
}
