using System.Collections.Concurrent;
using System.Net;
using System.Text;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.IntegrationTests.Credentials;

/// <summary>
/// A gateway in front of a Kylin emulator, as deployments that hand out bearer tokens run one: a request with a token it
/// issued goes on to Kylin signed in as the admin by HTTP Basic; any other is answered 401 by the gateway itself, with a
/// body that echoes the token it refused (as careless gateways do), so that the client's masking is put to the test.
/// </summary>
internal sealed class KylinTokenGateway() : DelegatingHandler(new SocketsHttpHandler())
{
    private static readonly string AdminBasic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{KylinEmulator.AdminUsername}:{KylinEmulator.AdminPassword}"));

    private readonly ConcurrentDictionary<string, bool> _issued = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>A new token the gateway accepts.</summary>
    public string Issue()
    {
        var token = $"kylin-gateway-token-{Interlocked.Increment(ref _count)}-{Guid.NewGuid():N}";
        _issued[token] = true;
        return token;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is { Scheme: "Bearer", Parameter: { } token } && _issued.ContainsKey(token))
        {
            request.Headers.Authorization = new("Basic", AdminBasic);
            return base.SendAsync(request, cancellationToken);
        }

        var refused = request.Headers.Authorization?.Parameter ?? "(none)";
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Unauthorized)
        {
            RequestMessage = request,
            Content = new StringContent($$"""{"error": "the gateway does not know the token {{refused}}"}""", Encoding.UTF8, "application/json"),
        });
    }
}
