using System.Net;
using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// The buffer a success body is read into is sized from the announced length and the limit, whatever they are: a
/// body of one byte, and a body announced past 2 GB or read under a limit past 2 GB, are read whole.
/// </summary>
public sealed class BufferedBodySizingTests
{
    private const long LimitPast2GB = 3_000_000_000;

    [Fact]
    public async Task ABodyOfOneAnnouncedByteIsReadWhole()
    {
        using var response = Answer("7"u8.ToArray(), announced: 1);

        var bytes = await ContentBuffer.LoadAsync(response, maxBytes: 1_024, CancellationToken.None);

        Assert.Equal("7"u8.ToArray(), bytes.ToArray());
    }

    [Fact]
    public async Task ABodyAnnouncedPast2GBUnderALargerLimitIsReadAsItArrives()
    {
        using var response = Answer("{}"u8.ToArray(), announced: LimitPast2GB - 1);

        var bytes = await ContentBuffer.LoadAsync(response, maxBytes: LimitPast2GB, CancellationToken.None);

        Assert.Equal("{}"u8.ToArray(), bytes.ToArray());
    }

    [Fact]
    public async Task AnUnannouncedBodyUnderALimitPast2GBIsReadWhole()
    {
        using var response = Answer("{}"u8.ToArray(), announced: null);

        var bytes = await ContentBuffer.LoadAsync(response, maxBytes: LimitPast2GB, CancellationToken.None);

        Assert.Equal("{}"u8.ToArray(), bytes.ToArray());
    }

    private static HttpResponseMessage Answer(byte[] body, long? announced)
    {
        var content = new StreamContent(new MemoryStream(body));
        content.Headers.ContentLength = announced;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}
