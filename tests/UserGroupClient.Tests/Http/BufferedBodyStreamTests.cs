using System.Net;
using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// The stream a caller gets over a buffered success body (a <c>CreateApi</c> method returning the response) reads the
/// body and nothing else: it cannot be written, and once the response is disposed it reads no more, though its
/// array has gone back to the pool.
/// </summary>
public sealed class BufferedBodyStreamTests
{
    [Fact]
    public async Task TheBodysStreamCannotBeWritten()
    {
        using var response = await BufferedAsync("""{"name":"ops"}""");

        var stream = await response.Content.ReadAsStreamAsync();

        Assert.False(stream.CanWrite);
        Assert.Throws<NotSupportedException>(() => stream.Write("{}"u8));
        Assert.Equal("""{"name":"ops"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AStreamTakenBeforeTheResponseIsDisposedReadsNothingAfterwards()
    {
        var response = await BufferedAsync("""{"access_token":"s3cr3t"}""");
        var stream = await response.Content.ReadAsStreamAsync();

        response.Dispose();

        Assert.Throws<ObjectDisposedException>(() => stream.ReadByte());
    }

    private static async Task<HttpResponseMessage> BufferedAsync(string json)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json) };
        await ContentBuffer.LoadAsync(response, maxBytes: 1_024, CancellationToken.None);
        return response;
    }
}
