using System.Net;
using System.Text;
using UserGroupClient.Http;
using UserGroupClient.Tests.Kylin;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// A success status whose envelope reports an error, found while Refit parses the body: the dialect's mapper reads the
/// envelope when the body was read whole (up to <see cref="ResponseBodyReader.MaskedBytes"/>), and a larger one is
/// reported by status alone; a body that does not parse is a malformed answer naming what was wrong with it.
/// </summary>
public sealed class DeserializedErrorEnvelopeTests
{
    [Fact]
    public async Task AnErrorEnvelopeOfExactlyTheMaskedSizeIsReadByTheMapper()
    {
        using var kylin = new KylinStub(new StubHandler(_ => Envelope(ResponseBodyReader.MaskedBytes)));

        var error = await Assert.ThrowsAsync<UserGroupConflictException>(() => kylin.Client.UserGroups.CreateGroupAsync("ops"));

        Assert.Equal("999", error.ErrorCode);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal("POST", error.RequestMethod);
        Assert.EndsWith("…[truncated]", error.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnErrorEnvelopeLargerThanTheMaskedSizeIsReportedByStatus()
    {
        using var kylin = new KylinStub(new StubHandler(_ => Envelope(ResponseBodyReader.MaskedBytes + 1)));

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => kylin.Client.UserGroups.CreateGroupAsync("ops"));

        Assert.IsType<UserGroupApiException>(error);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.StartsWith("Kylin: HTTP 200 with a body that is not Kylin's JSON envelope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerThatDoesNotParseIsAMalformedAnswerShowingTheBody()
    {
        using var kylin = new KylinStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"code":"000","data":""")));

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => kylin.Client.UserGroups.CreateGroupAsync("ops"));

        Assert.StartsWith("Kylin answered with a response the SDK could not read: the JSON is invalid or does not have the expected shape (", error.Message, StringComparison.Ordinal);
        Assert.Equal("""{"code":"000","data":""", error.ResponseBody);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
    }

    [Fact]
    public async Task AnAnswerInAnotherMediaTypeIsAMalformedAnswerNamingIt()
    {
        using var kylin = new KylinStub(new StubHandler(_ => StubHandler.Text(HttpStatusCode.OK, "<html>maintenance</html>")));

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => kylin.Client.UserGroups.CreateGroupAsync("ops"));

        Assert.StartsWith("Kylin answered with a response the SDK could not read: expected JSON but got text/html; charset=utf-8.", error.Message, StringComparison.Ordinal);
        Assert.Equal("<html>maintenance</html>", error.ResponseBody);
    }

    private static HttpResponseMessage Envelope(int length)
    {
        const string start = """{"code":"999","data":null,"msg":"User group ops already exists. """;
        const string end = "\"}";
        var json = start + new string('x', length - start.Length - end.Length) + end;
        Assert.Equal(length, Encoding.UTF8.GetByteCount(json));
        return StubHandler.Json(HttpStatusCode.OK, json);
    }
}
