using System.Net;
using System.Text;
using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// The copy a retry, a resend after a token refresh or a caller's client sends: the same method, address, version,
/// headers (every value, as written) and options, the same body; and which bodies can be sent twice at all.
/// </summary>
public sealed class RequestCloneTests
{
    private static readonly HttpRequestOptionsKey<string> Marker = new("test.marker");

    [Fact]
    public async Task ACopyCarriesTheMethodAddressVersionHeadersOptionsAndBody()
    {
        using var body = new StringContent("""{"name":"ops"}""", Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Put, "https://jms.example.com/api/v1/users/groups/7/?x=1")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = body,
        };
        request.Headers.TryAddWithoutValidation("X-JMS-ORG", "00000000-0000-0000-0000-000000000002");
        request.Headers.TryAddWithoutValidation("Accept", ["application/json", "text/plain;q=0.5"]);
        request.Headers.TryAddWithoutValidation("X-Raw", "not  re-printed ,as,  parsed");
        request.Options.Set(Marker, "kept");

        var copy = HttpRequestCloner.Clone(request);

        Assert.NotSame(request, copy);
        Assert.Equal(HttpMethod.Put, copy.Method);
        Assert.Equal(request.RequestUri, copy.RequestUri);
        Assert.Equal(HttpVersion.Version20, copy.Version);
        Assert.Equal(HttpVersionPolicy.RequestVersionExact, copy.VersionPolicy);
        Assert.Same(body, copy.Content);
        Assert.Equal("""{"name":"ops"}""", await copy.Content!.ReadAsStringAsync());
        Assert.Equal(["00000000-0000-0000-0000-000000000002"], copy.Headers.NonValidated["X-JMS-ORG"]);
        Assert.Equal(["application/json", "text/plain;q=0.5"], copy.Headers.NonValidated["Accept"]);
        Assert.Equal(["not  re-printed ,as,  parsed"], copy.Headers.NonValidated["X-Raw"]);
        Assert.True(copy.Options.TryGetValue(Marker, out var marker));
        Assert.Equal("kept", marker);
    }

    [Fact]
    public void ACopyOfARequestWithoutBodyHasNone()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://jms.example.com/");

        var copy = HttpRequestCloner.Clone(request);

        Assert.Null(copy.Content);
        Assert.Empty(copy.Headers.NonValidated);
    }

    [Fact]
    public void OnlyNoBodyOrABodyInMemoryCanBeSentTwice()
    {
        Assert.True(HttpRequestCloner.CanClone(new HttpRequestMessage(HttpMethod.Delete, "https://jms.example.com/")));
        Assert.True(HttpRequestCloner.CanClone(new HttpRequestMessage(HttpMethod.Post, "https://jms.example.com/") { Content = new StringContent("{}") }));
        Assert.True(HttpRequestCloner.CanClone(new HttpRequestMessage(HttpMethod.Post, "https://jms.example.com/") { Content = new ByteArrayContent([1, 2]) }));
        Assert.False(HttpRequestCloner.CanClone(new HttpRequestMessage(HttpMethod.Post, "https://jms.example.com/") { Content = new StreamContent(new MemoryStream([1, 2])) }));
    }
}
