using System.Net;
using System.Text;
using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// Three small rules the pipeline relies on: which bodies are read as JSON, which addresses name this machine, and
/// what a copy of a request made for a resend carries.
/// </summary>
public sealed class RequestHelperRulesTests
{
    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("Application/JSON;charset=UTF-8", true)]
    [InlineData(" application/json ;", true)]
    [InlineData("application/problem+json", true)]
    [InlineData("application/vnd.apache.kylin-v4-public+JSON", true)]
    [InlineData("text/json", true)]
    [InlineData("TEXT/JSON", true)]
    [InlineData("text/html", false)]
    [InlineData("text/plain; charset=utf-8", false)]
    [InlineData("application/jsonp", false)]
    [InlineData("application/json-seq", false)]
    [InlineData("text/html; note=\"application/json\"", false)]
    public void ABodyIsJsonByItsMediaType(string contentType, bool json)
    {
        using var content = new ByteArrayContent([]);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        Assert.Equal(json, JsonMediaType.Is(content.Headers));
    }

    [Fact]
    public void ABodyWithoutAMediaTypeIsTakenAsJson()
    {
        using var content = new ByteArrayContent([]);

        Assert.True(JsonMediaType.Is(content.Headers));
    }

    [Fact]
    public void AParsedMediaTypeIsJudgedTheSameWay()
    {
        using var html = new StringContent("<html>", Encoding.UTF8, "text/html");
        using var json = new StringContent("{}", Encoding.UTF8, "application/json");

        Assert.False(JsonMediaType.Is(html.Headers));
        Assert.True(JsonMediaType.Is(json.Headers));
    }

    [Theory]
    [InlineData("http://localhost:8080/", true)]
    [InlineData("http://LOCALHOST/", true)]
    [InlineData("http://127.0.0.1/", true)]
    [InlineData("http://127.255.0.9/", true)]
    [InlineData("http://[::1]:5000/", true)]
    [InlineData("http://localhost.example.com/", false)]
    [InlineData("http://128.0.0.1/", false)]
    [InlineData("http://10.127.0.1/", false)]
    [InlineData("http://[::2]/", false)]
    [InlineData("http://[::ffff:127.0.0.1]/", false)]
    [InlineData("http://jms.example.com/", false)]
    public void OnlyLocalhostAndLoopbackAddressesNameThisMachine(string address, bool loopback) =>
        Assert.Equal(loopback, LoopbackHost.Is(new Uri(address)));

    [Fact]
    public void ACopyForAResendCarriesTheWholeRequestAndSharesItsBody()
    {
        var key = new HttpRequestOptionsKey<string>("Refit.RelativePathTemplate");
        using var body = new ByteArrayContent([1, 2, 3]);
        using var request = new HttpRequestMessage(HttpMethod.Put, "https://h.example/api/groups/g/")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrHigher,
            Content = body,
        };
        request.Headers.TryAddWithoutValidation("X-JMS-ORG", "00000000-0000-0000-0000-000000000002");
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Headers.TryAddWithoutValidation("Accept", "text/plain");
        request.Options.Set(key, "/groups/{id}/");

        var copy = HttpRequestCloner.Clone(request);

        Assert.Equal(HttpMethod.Put, copy.Method);
        Assert.Equal(request.RequestUri, copy.RequestUri);
        Assert.Equal(HttpVersion.Version20, copy.Version);
        Assert.Equal(HttpVersionPolicy.RequestVersionOrHigher, copy.VersionPolicy);
        Assert.Same(body, copy.Content);
        Assert.Equal(["00000000-0000-0000-0000-000000000002"], copy.Headers.GetValues("X-JMS-ORG"));
        Assert.Equal(["application/json", "text/plain"], copy.Headers.GetValues("Accept"));
        Assert.True(copy.Options.TryGetValue(key, out var template));
        Assert.Equal("/groups/{id}/", template);
    }

    [Fact]
    public void OnlyARequestWithoutABodyOrWithABufferedOneCanBeSentAgain()
    {
        using var none = new HttpRequestMessage(HttpMethod.Delete, "https://h.example/");
        using var buffered = new HttpRequestMessage(HttpMethod.Post, "https://h.example/") { Content = new StringContent("{}") };
        using var streamed = new HttpRequestMessage(HttpMethod.Post, "https://h.example/") { Content = new StreamContent(new MemoryStream([1])) };

        Assert.True(HttpRequestCloner.CanClone(none));
        Assert.True(HttpRequestCloner.CanClone(buffered));
        Assert.False(HttpRequestCloner.CanClone(streamed));
    }
}
