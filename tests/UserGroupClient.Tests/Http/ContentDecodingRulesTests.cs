using System.IO.Compression;
using System.Net;
using System.Text;
using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// What a request asks for and which answers are decoded: gzip (also as <c>x-gzip</c>, in any case) and Brotli, undone
/// from the last encoding listed, <c>identity</c> skipped; a body in any other encoding, or in none, is left as it came.
/// The decoded body keeps the answer's headers but neither its encoding nor its length, and ends the encoded body.
/// </summary>
public sealed class ContentDecodingRulesTests
{
    private const string Json = """{"name":"ops"}""";

    [Fact]
    public void ARequestAsksForGzipOrBrotli()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h.example/");

        ContentDecoding.Accept(request);

        Assert.Equal(["gzip", "br"], request.Headers.AcceptEncoding.Select(value => value.Value));
    }

    [Fact]
    public void ARequestThatSaysWhatItAcceptsKeepsIt()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h.example/");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "identity");

        ContentDecoding.Accept(request);

        Assert.Equal(["identity"], request.Headers.AcceptEncoding.Select(value => value.Value));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("x-gzip")]
    [InlineData("GZIP")]
    [InlineData("br")]
    [InlineData("Br")]
    [InlineData(" gzip ,")]
    [InlineData("identity, gzip")]
    [InlineData("gzip, IDENTITY")]
    public async Task AGzipOrBrotliBodyIsDecoded(string encoding)
    {
        var compression = encoding.Contains("br", StringComparison.OrdinalIgnoreCase) ? "br" : "gzip";
        using var response = Encoded(Compress(Encoding.UTF8.GetBytes(Json), compression), encoding);

        ContentDecoding.Decode(response);

        Assert.Equal(Json, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EncodingsListedInSeveralHeaderValuesAreUndoneFromTheLast()
    {
        using var response = Encoded(Compress(Compress(Encoding.UTF8.GetBytes(Json), "br"), "gzip"), "br");
        response.Content.Headers.TryAddWithoutValidation("Content-Encoding", "gzip");

        ContentDecoding.Decode(response);

        Assert.Equal(Json, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("identity")]
    [InlineData("compress")]
    [InlineData("gzip, compress")]
    [InlineData("deflate, br")]
    [InlineData(" , ")]
    public void ABodyInNoEncodingOrOneNotAskedForIsLeftAsItCame(string encoding)
    {
        using var response = Encoded([1, 2, 3], encoding);
        var original = response.Content;

        ContentDecoding.Decode(response);

        Assert.Same(original, response.Content);
    }

    [Fact]
    public void ABodyWithoutAnEncodingIsLeftAsItCame()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1, 2, 3]) };
        var original = response.Content;

        ContentDecoding.Decode(response);

        Assert.Same(original, response.Content);
    }

    [Fact]
    public void TheDecodedBodyKeepsTheAnswersHeadersButNotItsEncodingNorItsLength()
    {
        var encoded = Compress(Encoding.UTF8.GetBytes(Json), "gzip");
        using var response = Encoded(encoded, "gzip");
        response.Content.Headers.ContentLength = encoded.Length;
        response.Content.Headers.TryAddWithoutValidation("Content-Language", "zh-CN");

        ContentDecoding.Decode(response);

        var headers = response.Content.Headers;
        Assert.Equal("application/json", headers.ContentType!.MediaType);
        Assert.Equal(["zh-CN"], headers.ContentLanguage);
        Assert.Empty(headers.ContentEncoding);
        Assert.False(headers.NonValidated.Contains("Content-Encoding"));
        Assert.Null(headers.ContentLength);
    }

    [Fact]
    public async Task TheDecodedBodyCanBeCopiedOrReadAsAStream()
    {
        using var response = Encoded(Compress(Encoding.UTF8.GetBytes(Json), "br"), "br");
        ContentDecoding.Decode(response);
        using var copy = new MemoryStream();

        await response.Content.CopyToAsync(copy);

        Assert.Equal(Json, Encoding.UTF8.GetString(copy.ToArray()));

        using var again = Encoded(Compress(Encoding.UTF8.GetBytes(Json), "gzip"), "gzip");
        ContentDecoding.Decode(again);
        using var reader = new StreamReader(await again.Content.ReadAsStreamAsync());
        Assert.Equal(Json, await reader.ReadToEndAsync());
    }

    [Fact]
    public void DisposingTheDecodedBodyEndsTheEncodedOne()
    {
        var wire = new MemoryStream(Compress(Encoding.UTF8.GetBytes(Json), "gzip"));
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(wire) };
        response.Content.Headers.TryAddWithoutValidation("Content-Encoding", "gzip");
        ContentDecoding.Decode(response);

        response.Dispose();

        Assert.False(wire.CanRead);
    }

    [Fact]
    public async Task ADisposedDecodedBodyCannotBeOpenedAgain()
    {
        var response = Encoded(Compress(Encoding.UTF8.GetBytes(Json), "gzip"), "gzip");
        ContentDecoding.Decode(response);
        await response.Content.ReadAsStreamAsync();

        response.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => response.Content.ReadAsStreamAsync());
    }

    private static HttpResponseMessage Encoded(byte[] bytes, string encoding)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        response.Content.Headers.TryAddWithoutValidation("Content-Encoding", encoding);
        return response;
    }

    private static byte[] Compress(byte[] bytes, string encoding)
    {
        using var buffer = new MemoryStream();
        using (Stream compressor = encoding == "gzip" ? new GZipStream(buffer, CompressionLevel.Fastest) : new BrotliStream(buffer, CompressionLevel.Fastest))
        {
            compressor.Write(bytes);
        }

        return buffer.ToArray();
    }
}
