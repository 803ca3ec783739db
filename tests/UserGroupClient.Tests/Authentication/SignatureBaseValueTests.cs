using System.Buffers;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Authentication;

namespace UserGroupClient.Tests.Authentication;

/// <summary>
/// The values <see cref="HttpMessageSignatureHandler"/> signs for each component (RFC 9421 §2.1, §2.2), as the request
/// goes on the wire, and the requests it refuses to sign rather than send a base the server would rebuild otherwise.
/// </summary>
public sealed class SignatureBaseValueTests
{
    [Fact]
    public async Task AHostHeaderIsTheAuthorityLowerCasedAndTheHostField()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://10.0.0.7:8443/v1?x=1");
        request.Headers.Host = "API.Example.COM:8080";

        var lines = await SignatureBases.LinesAsync(request, ["@authority", "@target-uri", "host"]);

        Assert.Equal(["\"@authority\": api.example.com:8080", "\"@target-uri\": https://api.example.com:8080/v1?x=1", "\"host\": API.Example.COM:8080"], lines);
    }

    [Theory]
    [InlineData("https://api.example.com/", "api.example.com")]
    [InlineData("http://api.example.com:8080/", "api.example.com:8080")]
    [InlineData("http://api.example.com:80/", "api.example.com")]
    [InlineData("https://[::1]:8443/", "[::1]:8443")]
    [InlineData("https://[::1]/", "[::1]")]
    [InlineData("https://bücher.example/", "xn--bcher-kva.example")]
    public async Task WithoutAHostHeaderTheHostFieldIsTheAuthorityTheClientWrites(string uri, string authority)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);

        var lines = await SignatureBases.LinesAsync(request, ["host", "@authority"]);

        Assert.Equal([$"\"host\": {authority}", $"\"@authority\": {authority}"], lines);
    }

    [Fact]
    public async Task SchemeAndTargetUriArePlainHttpWhenTheRequestIs()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "http://api.example.com:8080/v1/groups/7/");

        var lines = await SignatureBases.LinesAsync(request, ["@scheme", "@target-uri", "@method", "@request-target"]);

        Assert.Equal(["\"@scheme\": http", "\"@target-uri\": http://api.example.com:8080/v1/groups/7/", "\"@method\": DELETE", "\"@request-target\": /v1/groups/7/"], lines);
    }

    [Fact]
    public async Task AnEmptyPathIsSignedAsTheSlashTheClientSends()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("https://api.example.com", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));

        var lines = await SignatureBases.LinesAsync(request, ["@path"]);

        Assert.Equal(["\"@path\": /"], lines);
    }

    [Fact]
    public async Task TheBodyLengthTheClientMeasuresIsSignedAsContentLength()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.example.com/") { Content = new StringContent("{\"name\":\"ops\"}", Encoding.UTF8, "application/json") };

        var lines = await SignatureBases.LinesAsync(request, ["content-length", "content-type"]);

        Assert.Equal(["\"content-length\": 14", "\"content-type\": application/json; charset=utf-8"], lines);
    }

    [Fact]
    public async Task AFieldOnBothTheMessageAndTheBodyIsSignedAsOneList()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.example.com/") { Content = new StringContent("x") };
        request.Headers.TryAddWithoutValidation("X-Both", "on-message");
        request.Content.Headers.TryAddWithoutValidation("X-Both", ["on-body-1", "on-body-2"]);

        var lines = await SignatureBases.LinesAsync(request, ["x-both"]);

        Assert.Equal(["\"x-both\": on-message, on-body-1, on-body-2"], lines);
    }

    [Fact]
    public async Task AFieldOnlyOnTheBodyIsSignedFromTheBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.example.com/") { Content = new StringContent("x") };
        request.Content.Headers.TryAddWithoutValidation("X-Body-Only", "v");

        var lines = await SignatureBases.LinesAsync(request, ["x-body-only"]);

        Assert.Equal(["\"x-body-only\": v"], lines);
    }

    [Fact]
    public async Task FoldedLinesBecomeOneSpaceWhateverWhitespaceSurroundsThem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/");
        request.Headers.TryAddWithoutValidation("X-Folded", " \tfirst \t\r\n \t second\n\tthird\r\n  fourth\t ");

        var lines = await SignatureBases.LinesAsync(request, ["x-folded"]);

        Assert.Equal(["\"x-folded\": first second third fourth"], lines);
    }

    [Fact]
    public async Task TabsAndEveryPrintableCharacterAreSignedAsTheyAre()
    {
        var printable = new string([.. Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c)]);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/");
        request.Headers.TryAddWithoutValidation("X-Printable", "a\tb" + printable);

        var lines = await SignatureBases.LinesAsync(request, ["x-printable"]);

        Assert.Equal(["\"x-printable\": a\tb" + printable], lines);
    }

    [Theory]
    [InlineData("a\u007fb")]
    [InlineData("a\u0001b")]
    [InlineData("a\u0080b")]
    public async Task ControlAndNonAsciiCharactersAreNotSigned(string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/");
        request.Headers.TryAddWithoutValidation("X-Value", value);

        await Assert.ThrowsAsync<InvalidOperationException>(() => SignatureBases.LinesAsync(request, ["x-value"]));
    }

    [Fact]
    public async Task AValueLongerThanTheFirstBufferIsSignedWhole()
    {
        var value = string.Concat(Enumerable.Range(0, 600).Select(i => (char)('a' + (i % 26)))) + new string('z', 3000);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/");
        request.Headers.TryAddWithoutValidation("X-Large", value);
        request.Headers.TryAddWithoutValidation("X-After", "after");

        var lines = await SignatureBases.LinesAsync(request, ["@method", "x-large", "x-after"]);

        Assert.Equal(["\"@method\": GET", "\"x-large\": " + value, "\"x-after\": after"], lines);
    }

    [Fact]
    public async Task TheSignatureBaseBufferGoesBackToThePoolBlank()
    {
        const string secret = "covered-secret-value-0123456789";
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/");
        request.Headers.TryAddWithoutValidation("X-Api-Secret", secret);
        using var signer = HttpMessageSigners.HmacSha256([1, 2, 3]);
        using var handler = new HttpMessageSignatureHandler(new HttpMessageSignatureOptions { KeyId = "k", Signer = signer, Components = ["x-api-secret"] });

        handler.Sign(request);
        var reused = ArrayPool<byte>.Shared.Rent(1024);
        var text = Encoding.ASCII.GetString(reused);
        ArrayPool<byte>.Shared.Return(reused);

        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheVerifiersSignatureBaseBufferGoesBackToThePoolBlank()
    {
        const string secret = "covered-secret-value-9876543210";
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/");
        request.Headers.TryAddWithoutValidation("X-Api-Secret", secret);
        using var key = SignedMessages.Key();
        SignedMessages.AddSignature(request.Headers, "sig1", $"(\"x-api-secret\");created={SignedMessages.NowSeconds};keyid=\"k\"", $"\"x-api-secret\": {secret}\n");

        var result = await SignedMessages.Verifier(key).VerifyRequestAsync(request);
        var reused = ArrayPool<byte>.Shared.Rent(1024);
        var text = Encoding.ASCII.GetString(reused);
        ArrayPool<byte>.Shared.Return(reused);

        Assert.True(result.IsValid, result.ToString());
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@method")]
    [InlineData("@path")]
    [InlineData("@query-param;name=\"a\"")]
    [InlineData("host")]
    public async Task ARequestWithoutAnAbsoluteUriIsNotSigned(string component)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1/groups?a=1", UriKind.Relative));

        await Assert.ThrowsAsync<InvalidOperationException>(() => SignatureBases.LinesAsync(request, [component]));
    }

    [Fact]
    public async Task ACoveredBodyFieldOfARequestWithoutABodyIsMissing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/");

        await Assert.ThrowsAsync<InvalidOperationException>(() => SignatureBases.LinesAsync(request, ["content-type"]));
    }

    [Theory]
    [InlineData("?a=1&&b=2&", "a", "1")]
    [InlineData("?a=1&&b=2&", "b", "2")]
    [InlineData("?flag&b=2", "flag", "")]
    [InlineData("?b=2&flag", "flag", "")]
    [InlineData("?a=x=y", "a", "x%3Dy")]
    [InlineData("?=orphan&a=1", "", "orphan")]
    [InlineData("?a=%ff", "a", "%EF%BF%BD")]
    [InlineData("?a=%c3%a7%C3%A9", "a", "%C3%A7%C3%A9")]
    [InlineData("?a=%41%5a%7e%2A%2d%2E%5F", "a", "AZ%7E*-._")]
    [InlineData("?a=%09%00", "a", "%09%00")]
    [InlineData("?a=%29%3b%3B", "a", "%29%3B%3B")]
    [InlineData("?a=x%4", "a", "x%254")]
    [InlineData("?a=%zz%2", "a", "%25zz%252")]
    [InlineData("?a=1+2%2B3", "a", "1%202%2B3")]
    [InlineData("?%61=by-encoded-name", "a", "by-encoded-name")]
    [InlineData("?a%20b=spaced", "a%20b", "spaced")]
    [InlineData("?a+b=plus", "a%20b", "plus")]
    [InlineData("?AZaz09=mixed", "AZaz09", "mixed")]
    [InlineData("?%26x=1&&x=2", "%26x", "1")]
    public async Task QueryParametersAreFoundByTheirReEncodedName(string query, string name, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/v1" + query);

        var lines = await SignatureBases.LinesAsync(request, [$"@query-param;name=\"{name}\""]);

        Assert.Equal([$"\"@query-param\";name=\"{name}\": {value}"], lines);
    }

    [Fact]
    public async Task AQueryTheClientSendsUnescapedIsEncodedAsUtf8()
    {
        var uri = new Uri("https://api.example.com/?q=é😀a&x=a b", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);

        var lines = await SignatureBases.LinesAsync(request, ["@query-param;name=\"q\"", "@query-param;name=\"x\""]);

        Assert.Equal(["\"@query-param\";name=\"q\": %C3%A9%F0%9F%98%80a", "\"@query-param\";name=\"x\": a%20b"], lines);
    }

    [Theory]
    [InlineData("?a=x%4", "x%254")]
    [InlineData("?a=x%", "x%25")]
    [InlineData("?a=%%41", "%25A")]
    public async Task APercentSignThatStartsNoEscapeAtTheEndOfAQuerySentUnescapedIsSignedAsItself(string query, string value)
    {
        var uri = new Uri("https://api.example.com/v1" + query, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);

        var lines = await SignatureBases.LinesAsync(request, ["@query-param;name=\"a\""]);

        Assert.Equal([$"\"@query-param\";name=\"a\": {value}"], lines);
    }

    [Fact]
    public async Task ALoneSurrogateInAQuerySentUnescapedIsSignedAsTheReplacementCharacter()
    {
        var uri = new Uri("https://api.example.com/v1?a=x\uD83D&b=\uD83Dy&c=\uD83D\u00E9\uD83D\uD83D\uDE00", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);

        var lines = await SignatureBases.LinesAsync(request, ["@query-param;name=\"a\"", "@query-param;name=\"b\"", "@query-param;name=\"c\""]);

        Assert.Equal(
            [
                "\"@query-param\";name=\"a\": x%EF%BF%BD",
                "\"@query-param\";name=\"b\": %EF%BF%BDy",
                "\"@query-param\";name=\"c\": %EF%BF%BD%C3%A9%EF%BF%BD%F0%9F%98%80",
            ],
            lines);
    }

    [Theory]
    [InlineData("\va")]
    [InlineData("a\f")]
    [InlineData("a\u00a0")]
    [InlineData("a\v\r\n b")]
    [InlineData("a\r\n\vb")]
    public async Task WhitespaceOtherThanSpacesTabsAndLineBreaksIsNotTrimmedSoTheValueIsNotSigned(string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/");
        request.Headers.TryAddWithoutValidation("X-Value", value);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SignatureBases.LinesAsync(request, ["x-value"]));

        Assert.Equal("A covered component holds a character outside printable ASCII, which a signature base cannot carry.", error.Message);
    }

    [Theory]
    [InlineData("?a=1&&b=2")]
    [InlineData("?")]
    [InlineData("")]
    public async Task AnEmptyParameterNameFindsOnlyAParameterWithThatName(string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/v1" + query);

        await Assert.ThrowsAsync<InvalidOperationException>(() => SignatureBases.LinesAsync(request, ["@query-param;name=\"\""]));
    }
}
