using UserGroupClient.Authentication;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Authentication;

/// <summary>
/// <see cref="HttpClient.Send(HttpRequestMessage)"/> through an authentication handler: refused before anything leaves,
/// instead of reaching the network without the handler's header or signature.
/// </summary>
public sealed class SynchronousSendTests
{
    private static readonly byte[] Secret = "0123456789abcdef0123456789abcdef"u8.ToArray();

    public static TheoryData<string> Handlers => ["bearer", "basic", "draft-cavage", "rfc9421"];

    [Theory]
    [MemberData(nameof(Handlers))]
    public void ASynchronousSendIsRefusedAndNothingReachesTheTransport(string kind)
    {
        var transport = new SynchronousTransport();
        using var client = new HttpClient(Handler(kind, transport));

        var error = Assert.Throws<NotSupportedException>(() => client.Send(new HttpRequestMessage(HttpMethod.Get, "https://server.test/api/groups")));

        Assert.Equal(0, transport.Sent);
        Assert.Contains("use HttpClient.SendAsync", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public async Task AnAsynchronousSendStillGoesOutWithTheHandlersWork(string kind)
    {
        var transport = new SynchronousTransport();
        using var client = new HttpClient(Handler(kind, transport));

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://server.test/api/groups"));

        Assert.Equal(1, transport.Sent);
        Assert.NotNull(transport.LastAuthorization ?? transport.LastSignature);
    }

    private static DelegatingHandler Handler(string kind, HttpMessageHandler inner) => kind switch
    {
        "bearer" => new BearerTokenHandler(new StaticTokenProvider("s3cr3t")) { InnerHandler = inner },
        "basic" => new BasicAuthenticationHandler("alice", "s3cr3t") { InnerHandler = inner },
        "draft-cavage" => new HttpSignatureHandler(new HttpSignatureOptions { KeyId = "k", Signer = HttpMessageSigners.HmacSha256(Secret) }) { InnerHandler = inner },
        _ => new HttpMessageSignatureHandler(new HttpMessageSignatureOptions { KeyId = "k", Signer = HttpMessageSigners.HmacSha256(Secret) }) { InnerHandler = inner },
    };
}
