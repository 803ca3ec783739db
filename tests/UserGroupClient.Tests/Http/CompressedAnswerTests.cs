using System.IO.Compression;
using System.Net;
using System.Text;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Http;

public sealed class CompressedAnswerTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";
    private const string GroupJson = $$"""{"id":"{{GroupId}}","name":"ops","comment":"compressed","users":[]}""";

    [Theory]
    [InlineData("gzip", false)]
    [InlineData("gzip", true)]
    [InlineData("br", false)]
    [InlineData("br", true)]
    public async Task AnEncodedAnswerIsDecoded(string encoding, bool resilience)
    {
        var stub = new StubHandler(_ => Encoded(HttpStatusCode.OK, GroupJson, encoding));
        using var jms = new JumpServerStub(stub, configure: o => o.Resilience.Enabled = resilience);

        var group = await jms.Client.UserGroups.GetAsync(GroupId);

        Assert.Equal("compressed", group.Comment);
        Assert.Equal("gzip, br", stub.Requests.Single().Header("Accept-Encoding"));
    }

    [Fact]
    public async Task EncodingsAppliedInTurnAreUndoneInTurn()
    {
        var stub = new StubHandler(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Compress(Compress(Encoding.UTF8.GetBytes(GroupJson), "gzip"), "br")) };
            response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            response.Content.Headers.TryAddWithoutValidation("Content-Encoding", "gzip, identity, br");
            return response;
        });
        using var jms = new JumpServerStub(stub);

        var group = await jms.Client.UserGroups.GetAsync(GroupId);

        Assert.Equal("ops", group.Name);
    }

    [Fact]
    public async Task AnEncodedErrorIsReadAsTheErrorItIs()
    {
        var stub = new StubHandler(_ => Encoded(HttpStatusCode.NotFound, """{"detail":"UserGroup object does not exist.","code":"object_does_not_exist"}""", "gzip"));
        using var jms = new JumpServerStub(stub);

        var error = await Assert.ThrowsAsync<UserGroupNotFoundException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.Contains("does not exist", error.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyAnswerLabelledAsEncodedIsStillEmpty()
    {
        var stub = new StubHandler(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.NoContent) { Content = new ByteArrayContent([]) };
            response.Content.Headers.TryAddWithoutValidation("Content-Encoding", "gzip");
            return response;
        });
        using var jms = new JumpServerStub(stub);

        await jms.Client.UserGroups.DeleteAsync(GroupId);

        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task AnAnswerInAnEncodingNotAskedForIsAMalformedAnswerAndNotRetried()
    {
        var stub = new StubHandler(_ =>
        {
            var response = StubHandler.Json(HttpStatusCode.OK, "\u001f\u009d compressed bytes");
            response.Content.Headers.TryAddWithoutValidation("Content-Encoding", "compress");
            return response;
        });
        using var jms = new JumpServerStub(stub, configure: o =>
        {
            o.Resilience.Enabled = true;
            o.Resilience.BaseDelay = TimeSpan.Zero;
        });

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.GetAsync(GroupId));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task ACallersDecompressingClientDecodesAndTheSdkLeavesTheBodyAlone()
    {
        // The caller's HttpClientHandler asks for gzip itself and removes the Content-Encoding it decoded.
        var stub = new StubHandler(request =>
        {
            Assert.Contains("gzip", request.Headers.AcceptEncoding.Select(value => value.Value));
            return Encoded(HttpStatusCode.OK, GroupJson, "gzip");
        });
        using var decompressing = new DecompressingHandler { InnerHandler = stub };
        using var http = new HttpClient(decompressing);
        using var client = new JumpServerClient(
            new JumpServerClientOptions { BaseAddress = new Uri("https://jms.example.com"), Credentials = JumpServerCredentials.Bearer("t") },
            http);

        var group = await client.UserGroups.GetAsync(GroupId);

        Assert.Equal("compressed", group.Comment);
    }

    private static HttpResponseMessage Encoded(HttpStatusCode status, string json, string encoding)
    {
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(Compress(Encoding.UTF8.GetBytes(json), encoding)) };
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

    /// <summary>What a transport with automatic decompression does: decodes gzip and drops the header.</summary>
    private sealed class DecompressingHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.AcceptEncoding.ParseAdd("gzip");
            var response = await base.SendAsync(request, cancellationToken);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            using var decoded = new MemoryStream();
            using (var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress))
            {
                await gzip.CopyToAsync(decoded, cancellationToken);
            }

            var content = new ByteArrayContent(decoded.ToArray());
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            response.Content = content;
            return response;
        }
    }
}
