using System.Globalization;
using System.Text.Json;
using RestSharp;
using RestSharp.Authenticators;
using RestSharp.Serializers;
using RestSharp.Serializers.Json;

namespace UserGroupClient.Benchmarks.Raw;

/// <summary>
/// The same requests through RestSharp, given the raw baseline's source-generated contracts (its best case): GET with
/// Accept, X-JMS-ORG and a bearer Authorization, the body parsed by System.Text.Json.
/// </summary>
internal sealed class RestSharpJumpServer : IDisposable
{
    private readonly RestClient _client;
    private readonly string _organizationId;

    /// <summary>Over a connection pool of RestSharp's own.</summary>
    public RestSharpJumpServer(Uri baseAddress, string token, string organizationId)
        : this(new RestClient(Options(baseAddress, token), configureSerialization: UseSourceGeneratedJson), organizationId)
    {
    }

    /// <summary>Through <paramref name="http"/>, which the caller keeps.</summary>
    public RestSharpJumpServer(HttpClient http, string token, string organizationId)
        : this(new RestClient(http, Options(http.BaseAddress!, token), disposeHttpClient: false, configureSerialization: UseSourceGeneratedJson), organizationId)
    {
    }

    private RestSharpJumpServer(RestClient client, string organizationId)
    {
        _client = client;
        _organizationId = organizationId;
    }

    public async Task<RawGroup> GetGroupAsync(string groupId, CancellationToken cancellationToken = default)
    {
        var request = Request("api/v1/users/groups/{id}/").AddUrlSegment("id", groupId);
        return await _client.GetAsync<RawGroup>(request, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("The group is JSON null.");
    }

    public async Task<RawPage> ListGroupsAsync(int limit, int offset, CancellationToken cancellationToken = default)
    {
        var request = Request("api/v1/users/groups/")
            .AddQueryParameter("limit", limit.ToString(CultureInfo.InvariantCulture))
            .AddQueryParameter("offset", offset.ToString(CultureInfo.InvariantCulture));
        return await _client.GetAsync<RawPage>(request, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("The page is JSON null.");
    }

    public void Dispose() => _client.Dispose();

    private static RestClientOptions Options(Uri baseAddress, string token) => new(baseAddress) { Authenticator = new JwtAuthenticator(token) };

    private static void UseSourceGeneratedJson(SerializerConfig serializers) => serializers.UseSerializer(
        () => new SystemTextJsonSerializer(new JsonSerializerOptions { TypeInfoResolver = RawJsonContext.Default, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));

    private RestRequest Request(string resource) => new RestRequest(resource)
        .AddHeader("Accept", "application/json")
        .AddHeader("X-JMS-ORG", _organizationId);
}
