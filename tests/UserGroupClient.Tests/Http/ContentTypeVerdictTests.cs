using System.Net;
using System.Net.Http.Headers;
using UserGroupClient.Http;
using UserGroupClient.Kylin;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// Which bodies are read as JSON when a server's Content-Type is unusual: a parameter does not make a type JSON, of
/// two Content-Type headers the first is the answer's type, and a value that cannot be parsed is taken as JSON, as a
/// missing one is, so that the body decides: a JSON page behind a malformed header is still read.
/// </summary>
public sealed class ContentTypeVerdictTests
{
    [Theory]
    [InlineData("text/html;charset=utf-8+json")]
    [InlineData("text/plain;+json")]
    [InlineData("text/html; profile=x+json")]
    public void AParameterDoesNotMakeATypeJson(string contentType) => Assert.False(JsonMediaType.Is(Headers(contentType)));

    [Theory]
    [InlineData(false, "text/html", "application/problem+json")]
    [InlineData(false, "text/html", "application/json")]
    [InlineData(true, "application/json", "text/html")]
    public void OfTwoContentTypeHeadersTheFirstIsTheAnswersType(bool json, string first, string second) =>
        Assert.Equal(json, JsonMediaType.Is(Headers(first, second)));

    [Theory]
    [InlineData("application/json;charset=utf-8;")]
    [InlineData("application/json, application/json")]
    [InlineData("application/json;;charset=utf-8")]
    [InlineData(";charset=utf-8")]
    [InlineData("text/html garbage")]
    public void AContentTypeThatCannotBeParsedIsTakenAsJson(string contentType) => Assert.True(JsonMediaType.Is(Headers(contentType)));

    [Fact]
    public async Task AJsonPageBehindAMalformedContentTypeIsRead()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://kylin.example/kylin/api/user_group/groups?pageSize=2");
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new MemoryStream("""{"code":"000","data":["ops"],"msg":""}"""u8.ToArray())) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json;charset=utf-8;");
        var stream = await ResponseStream.OpenAsync(request, response, TimeoutScope.Start(TimeProvider.System, Timeout.InfiniteTimeSpan, CancellationToken.None), TimeSpan.FromSeconds(30), 1_000_000, CancellationToken.None);

        var page = await StreamedJson.ReadAsync(stream, KylinJsonContext.Default.KylinEnvelopeListString, KylinErrorMapper.Instance, new KnownSecrets([]), CancellationToken.None);

        Assert.Equal(["ops"], page.Data);
    }

    private static HttpContentHeaders Headers(params string[] contentTypes)
    {
        var content = new ByteArrayContent([]);
        foreach (var contentType in contentTypes)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return content.Headers;
    }
}
