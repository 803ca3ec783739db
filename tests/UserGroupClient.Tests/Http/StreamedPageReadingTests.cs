using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Http;
using UserGroupClient.Kylin;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// How a page parsed as it arrives fails: a body that is not JSON, does not parse, is JSON <c>null</c>, or is cut by
/// the call's bound becomes a typed exception naming the request and status, with the start of the body masked; an
/// envelope that reports an error goes to the dialect's mapper; a stream that was not opened for streaming is refused.
/// </summary>
public sealed class StreamedPageReadingTests
{
    private const string Secret = "s3cr3t-echoed-value";

    [Fact]
    public async Task APageIsParsedAndTheStreamEnded()
    {
        var wire = Wire("""{"code":"000","data":["ops","dev"],"msg":""}""");
        var page = await ReadAsync(await OpenAsync(wire));

        Assert.Equal(["ops", "dev"], page.Data);
        Assert.False(wire.CanRead);
    }

    [Fact]
    public async Task AStreamNotOpenedForStreamingIsRefusedAndEnded()
    {
        var other = new MemoryStream("{}"u8.ToArray());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ReadAsync(other));

        Assert.Equal("The request was not marked as streamed (ApiRequestOptions.StreamedResponse).", error.Message);
        Assert.False(other.CanRead);
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIsAMalformedAnswerShowingTheBodyMasked()
    {
        var error = await Assert.ThrowsAsync<UserGroupApiException>(async () => await ReadAsync(await OpenAsync(Wire($"<html>token {Secret}</html>"), "text/html")));

        Assert.Equal("Kylin answered with a response the SDK could not read: expected JSON but got text/html. (GET https://kylin.example/kylin/api/user_group/groups → 200)", error.Message);
        AssertExchange(error);
        Assert.Equal("<html>token ***</html>", error.ResponseBody);
    }

    [Fact]
    public async Task ABodyThatDoesNotParseIsAMalformedAnswerShowingItsStartMasked()
    {
        var error = await Assert.ThrowsAsync<UserGroupApiException>(async () => await ReadAsync(await OpenAsync(Wire($$"""{"code":"000","data":"{{Secret}}" """))));

        Assert.StartsWith("Kylin answered with a response the SDK could not read: the JSON is invalid or does not have the expected shape (", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
        AssertExchange(error);
        Assert.Equal("""{"code":"000","data":"***" """, error.ResponseBody);
    }

    [Fact]
    public async Task ABodyPastTheLimitIsAMalformedAnswerNamingTheLimit()
    {
        var error = await Assert.ThrowsAsync<UserGroupApiException>(async () => await ReadAsync(await OpenAsync(Wire("""{"code":"000","data":["ops","dev"],"msg":""}"""), maxBytes: 20)));

        Assert.Contains("the response body is larger than the 20-byte limit", error.Message, StringComparison.Ordinal);
        Assert.IsType<ResponseTooLargeException>(error.InnerException);
        AssertExchange(error);
    }

    [Fact]
    public async Task ABodyCutByTheConnectionIsAMalformedAnswerSayingSo()
    {
        var error = await Assert.ThrowsAsync<UserGroupApiException>(async () => await ReadAsync(await OpenAsync(new BrokenStream("""{"code":"000","data":["ops"""u8.ToArray()))));

        Assert.Contains("the body could not be read to its end (connection reset)", error.Message, StringComparison.Ordinal);
        Assert.IsType<IOException>(error.InnerException);
        Assert.Equal("""{"code":"000","data":["ops""", error.ResponseBody);
    }

    [Fact]
    public async Task JsonNullIsAMalformedAnswer()
    {
        var error = await Assert.ThrowsAsync<UserGroupApiException>(async () => await ReadAsync(await OpenAsync(Wire("null"))));

        Assert.Contains("could not read: the body is JSON null.", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
        Assert.Equal("null", error.ResponseBody);
        AssertExchange(error);
    }

    [Fact]
    public async Task AnEnvelopeReportingAnErrorGoesToTheDialectsMapperWithTheBodyMasked()
    {
        var error = await Assert.ThrowsAsync<UserGroupNotFoundException>(async () => await ReadAsync(await OpenAsync(Wire($$"""{"code":"999","data":null,"msg":"User group ops does not exist. token {{Secret}}"}"""))));

        Assert.Equal("999", error.ErrorCode);
        Assert.Equal("""{"code":"999","data":null,"msg":"User group ops does not exist. token ***"}""", error.ResponseBody);
        AssertExchange(error);
    }

    [Fact]
    public async Task ABodyCutByTheCallsBoundIsATimeout()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var body = new StalledStream();
        var stream = await OpenAsync(body, scope: TimeoutScope.Start(clock, TimeSpan.FromSeconds(5), CancellationToken.None));

        var reading = ReadAsync(stream);
        await body.Reading.Task;
        clock.Advance(TimeSpan.FromSeconds(5));
        var error = await Assert.ThrowsAsync<TimeoutException>(() => reading);

        Assert.Equal("Kylin: GET https://kylin.example/kylin/api/user_group/groups did not complete within 30 s.", error.Message);
        Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
    }

    [Fact]
    public async Task TheCallersOwnCancellationStaysACancellation()
    {
        var body = new StalledStream();
        using var caller = new CancellationTokenSource();
        var stream = await OpenAsync(body, scope: TimeoutScope.Start(TimeProvider.System, Timeout.InfiniteTimeSpan, caller.Token));

        var reading = ReadAsync(stream);
        await body.Reading.Task;
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
    }

    private static void AssertExchange(UserGroupApiException error)
    {
        Assert.Equal("Kylin", error.Dialect);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal("GET", error.RequestMethod);
        Assert.Equal(new Uri("https://kylin.example/kylin/api/user_group/groups?pageSize=2"), error.RequestUri);
    }

    private static Task<KylinEnvelope<List<string>>> ReadAsync(Stream stream) =>
        StreamedJson.ReadAsync(stream, KylinJsonContext.Default.KylinEnvelopeListString, KylinErrorMapper.Instance, new KnownSecrets([Secret]), CancellationToken.None);

    private static MemoryStream Wire(string body) => new(Encoding.UTF8.GetBytes(body));

    private static async Task<Stream> OpenAsync(Stream wire, string mediaType = "application/json", long maxBytes = 1_000_000, TimeoutScope? scope = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://kylin.example/kylin/api/user_group/groups?pageSize=2");
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(wire) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
        return await ResponseStream.OpenAsync(request, response, scope ?? TimeoutScope.Start(TimeProvider.System, Timeout.InfiniteTimeSpan, CancellationToken.None), TimeSpan.FromSeconds(30), maxBytes, CancellationToken.None);
    }

    /// <summary>A body whose connection is reset after its first bytes.</summary>
    private sealed class BrokenStream(byte[] start) : MemoryStream(start)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : throw new IOException("connection reset");
        }
    }

    /// <summary>A body whose server stops sending after its first bytes, until the read is cancelled.</summary>
    private sealed class StalledStream() : MemoryStream("""{"code":"000","data":["""u8.ToArray())
    {
        public TaskCompletionSource Reading { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            if (read > 0)
            {
                return read;
            }

            Reading.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }
    }
}
