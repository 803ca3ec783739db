using System.Text.Json;
using BenchmarkDotNet.Attributes;
using RestSharp;
using RestSharp.Authenticators;
using RestSharp.Serializers.Json;
using UserGroupClient.Benchmarks.Infrastructure;
using UserGroupClient.Benchmarks.Raw;
using UserGroupClient.JumpServer;

namespace UserGroupClient.Benchmarks;

/// <summary>
/// Measurement 2: get-group over real loopback HTTP against the JumpServer emulator (in its own process), through
/// the SDK, a raw <see cref="HttpClient"/>, and RestSharp (given the same source-generated contracts, its best case).
/// </summary>
[MemoryDiagnoser]
public class GetGroupOverLoopbackBenchmarks : IDisposable
{
    private readonly EmulatorEndpoint _emulator = EmulatorEndpoint.Current;
    private readonly HttpClient _http;
    private readonly RawJumpServer _raw;
    private readonly JumpServerClient _sdk;
    private readonly JumpServerClient _sdkWithoutResilience;
    private readonly RestClient _restSharp;

    public GetGroupOverLoopbackBenchmarks()
    {
        _http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = _emulator.BaseAddress };
        _raw = new RawJumpServer(_http, _emulator.Token, JumpServerOrganizations.Default);
        _sdk = new JumpServerClient(new JumpServerClientOptions { BaseAddress = _emulator.BaseAddress, Credentials = JumpServerCredentials.Bearer(_emulator.Token) });
        _sdkWithoutResilience = new JumpServerClient(new JumpServerClientOptions
        {
            BaseAddress = _emulator.BaseAddress,
            Credentials = JumpServerCredentials.Bearer(_emulator.Token),
            Resilience = { Enabled = false },
        });
        _restSharp = new RestClient(
            new RestClientOptions(_emulator.BaseAddress) { Authenticator = new JwtAuthenticator(_emulator.Token) },
            configureSerialization: serializers => serializers.UseSerializer(
                () => new SystemTextJsonSerializer(new JsonSerializerOptions { TypeInfoResolver = RawJsonContext.Default, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })));
    }

    [Benchmark(Baseline = true, Description = "raw HttpClient + STJ")]
    public Task<RawGroup> RawHttpClient() => _raw.GetGroupAsync(_emulator.GroupId);

    [Benchmark(Description = "SDK typed API")]
    public Task<JumpServerUserGroup> Sdk() => _sdk.UserGroups.GetAsync(_emulator.GroupId);

    // Not a target: shows what resilience (two timeouts, then Polly: retry, circuit breaker) costs per call.
    [Benchmark(Description = "SDK, resilience off")]
    public Task<JumpServerUserGroup> SdkWithoutResilience() => _sdkWithoutResilience.UserGroups.GetAsync(_emulator.GroupId);

    [Benchmark(Description = "RestSharp")]
    public async Task<RawGroup> RestSharp()
    {
        var request = new RestRequest("api/v1/users/groups/{id}/")
            .AddUrlSegment("id", _emulator.GroupId)
            .AddHeader("Accept", "application/json")
            .AddHeader("X-JMS-ORG", JumpServerOrganizations.Default);
        return await _restSharp.GetAsync<RawGroup>(request).ConfigureAwait(false)
            ?? throw new JsonException("The group is JSON null.");
    }

    public void Dispose()
    {
        _sdk.Dispose();
        _sdkWithoutResilience.Dispose();
        _http.Dispose();
        _restSharp.Dispose();
        GC.SuppressFinalize(this);
    }
}
