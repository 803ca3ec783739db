using System.Net;
using System.Text;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// A streamed answer a caller's own Refit interface takes as it is (<see cref="UserGroupRequestProperties.StreamedResponse"/>):
/// it keeps the server's content headers and announces no length the server did not; disposing it releases the
/// server's body, and a disposed answer cannot be opened again.
/// </summary>
public sealed class CallerStreamedAnswerTests
{
    private const string Page = """[{"name":"ops"}]""";

    [Fact]
    public async Task AStreamedAnswerKeepsTheServersContentHeadersAndAnnouncesNoLengthOfItsOwn()
    {
        var body = new OpenBody(Page);
        body.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        body.Headers.TryAddWithoutValidation("Content-Language", "zh-CN");
        using var jumpServer = new JumpServerStub(new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = body }));
        using var pages = jumpServer.Client.CreateApi<ICallerPage>(CallerLookupJson.Default);

        using var response = await pages.OpenAsync();

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["zh-CN"], response.Content.Headers.ContentLanguage);
        Assert.Null(response.Content.Headers.ContentLength);
        Assert.Equal(Page, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DisposingAStreamedAnswerReleasesTheServersBodyAndItCannotBeOpenedAgain()
    {
        var body = new OpenBody(Page);
        using var jumpServer = new JumpServerStub(new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = body }));
        using var pages = jumpServer.Client.CreateApi<ICallerPage>(CallerLookupJson.Default);
        var response = await pages.OpenAsync();
        Assert.False(body.Released);

        response.Dispose();

        Assert.True(body.Released);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => response.Content.ReadAsStreamAsync());
    }

    /// <summary>A body of unannounced length whose stream says when it was released, as a connection is.</summary>
    private sealed class OpenBody(string text) : HttpContent
    {
        private readonly ReleasedStream _stream = new(Encoding.UTF8.GetBytes(text));

        public bool Released => _stream.Released;

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(_stream);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _stream.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private sealed class ReleasedStream(byte[] bytes) : MemoryStream(bytes)
    {
        public bool Released { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Released = true;
            base.Dispose(disposing);
        }
    }
}
