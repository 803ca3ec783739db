using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Authentication;

namespace UserGroupClient.Tests.Authentication;

/// <summary>Component values as RFC 9421 §2.1 and §2.2 define them, and requests refused before anything is sent.</summary>
public sealed class HttpMessageSignatureComponentTests
{
    [Fact]
    public async Task FieldValuesAreTrimmedUnfoldedAndCombinedAsInSection21()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://www.example.com/");
        request.Headers.TryAddWithoutValidation("X-OWS-Header", "   Leading and trailing whitespace.   ");
        request.Headers.TryAddWithoutValidation("X-Obs-Fold-Header", "Obsolete\r\n    line folding.");
        request.Headers.TryAddWithoutValidation("Cache-Control", "max-age=60");
        request.Headers.TryAddWithoutValidation("Cache-Control", "   must-revalidate");
        request.Headers.TryAddWithoutValidation("Example-Dict", " a=1,    b=2;x=1;y=2,   c=(a   b   c)");
        request.Headers.TryAddWithoutValidation("X-Empty-Header", "");

        var lines = await SignatureBases.LinesAsync(request, ["X-OWS-Header", "x-obs-fold-header", "cache-control", "example-dict", "x-empty-header"]);

        Assert.Equal(
            [
                "\"x-ows-header\": Leading and trailing whitespace.",
                "\"x-obs-fold-header\": Obsolete line folding.",
                "\"cache-control\": max-age=60, must-revalidate",
                "\"example-dict\": a=1,    b=2;x=1;y=2,   c=(a   b   c)",
                "\"x-empty-header\": ",
            ],
            lines);
    }

    [Fact]
    public async Task DerivedComponentsHaveTheValuesOfSection22()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://www.example.com/path?param=value");

        var lines = await SignatureBases.LinesAsync(request, ["@method", "@target-uri", "@authority", "@scheme", "@request-target", "@path", "@query"]);

        Assert.Equal(
            [
                "\"@method\": POST",
                "\"@target-uri\": https://www.example.com/path?param=value",
                "\"@authority\": www.example.com",
                "\"@scheme\": https",
                "\"@request-target\": /path?param=value",
                "\"@path\": /path",
                "\"@query\": ?param=value",
            ],
            lines);
    }

    [Theory]
    [InlineData("https://www.example.com/path", "\"@query\": ?")]
    [InlineData("https://www.example.com/path?", "\"@query\": ?")]
    [InlineData("https://WWW.Example.com:8443/path", "\"@authority\": www.example.com:8443")]
    [InlineData("https://www.example.com:443/path", "\"@authority\": www.example.com")]
    public async Task AbsentQueryAndAuthorityPortFollowSection22(string uri, string expectedLine)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);

        var line = Assert.Single(await SignatureBases.LinesAsync(request, [expectedLine[1..expectedLine.IndexOf('"', 1)]]));

        Assert.Equal(expectedLine, line);
    }

    [Theory]
    [InlineData("baz", "batman")]
    [InlineData("qux", "")]
    [InlineData("var", "this%20is%20a%20big%0Amultiline%20value")]
    [InlineData("bar", "with%20plus%20whitespace")]
    [InlineData("fa%C3%A7ade%22%3A%20", "something")]
    public async Task QueryParametersAreDecodedAndPercentEncodedAgainAsInSection228(string name, string expectedValue)
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Get,
            "https://www.example.com/path?param=value&foo=bar&baz=batman&qux=&var=this%20is%20a%20big%0Amultiline%20value&bar=with+plus+whitespace&fa%C3%A7ade%22%3A%20=something");

        var line = Assert.Single(await SignatureBases.LinesAsync(request, [$"@query-param;name=\"{name}\""]));

        Assert.Equal($"\"@query-param\";name=\"{name}\": {expectedValue}", line);
    }

    [Theory]
    [InlineData("https://api.example.com/?id=1&id=2", "@query-param;name=\"id\"")]
    [InlineData("https://api.example.com/?other=1", "@query-param;name=\"id\"")]
    [InlineData("https://api.example.com/", "x-missing")]
    public async Task RequestWhoseCoveredComponentIsMissingOrAmbiguousIsNotSent(string uri, string component)
    {
        var sent = false;
        using var signer = HttpMessageSigners.HmacSha256([1, 2, 3]);
        using var handler = new HttpMessageSignatureHandler(new HttpMessageSignatureOptions { KeyId = "k", Signer = signer, Components = [component] })
        {
            InnerHandler = new CallbackHandler(_ => sent = true),
        };
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);

        await Assert.ThrowsAsync<InvalidOperationException>(() => invoker.SendAsync(request, CancellationToken.None));

        Assert.False(sent);
    }

    [Fact]
    public async Task NonAsciiFieldValueIsRefusedWithoutQuotingIt()
    {
        using var signer = HttpMessageSigners.HmacSha256([1, 2, 3]);
        using var handler = new HttpMessageSignatureHandler(new HttpMessageSignatureOptions { KeyId = "k", Signer = signer, Components = ["x-name"] })
        {
            InnerHandler = new CallbackHandler(_ => { }),
        };
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/");
        request.Headers.TryAddWithoutValidation("X-Name", "Ünïcödé-secret");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => invoker.SendAsync(request, CancellationToken.None));

        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@unknown")]
    [InlineData("@status")]
    [InlineData("@method;req")]
    [InlineData("@query-param")]
    [InlineData("content-type;sf")]
    [InlineData("bad name")]
    public void HandlerRefusesComponentsItCannotSignOnARequest(string component)
    {
        using var signer = HttpMessageSigners.HmacSha256([1]);

        Assert.Throws<ArgumentException>(() => new HttpMessageSignatureHandler(new HttpMessageSignatureOptions { KeyId = "k", Signer = signer, Components = [component] }));
    }

    [Theory]
    [InlineData("Content-Type", "content-type")]
    [InlineData("@path", "content-type")]
    public void HandlerRefusesAComponentListedTwice(string first, string second)
    {
        using var signer = HttpMessageSigners.HmacSha256([1]);

        var error = Record.Exception(() => new HttpMessageSignatureHandler(new HttpMessageSignatureOptions { KeyId = "k", Signer = signer, Components = [first, second, second] }));

        Assert.IsType<ArgumentException>(error);
    }

    [Theory]
    [InlineData("Sig1")]
    [InlineData("1sig")]
    [InlineData("")]
    public void HandlerRefusesALabelThatIsNotAStructuredFieldKey(string label)
    {
        using var signer = HttpMessageSigners.HmacSha256([1]);

        Assert.Throws<ArgumentException>(() => new HttpMessageSignatureHandler(new HttpMessageSignatureOptions { KeyId = "k", Signer = signer, Label = label }));
    }
}
