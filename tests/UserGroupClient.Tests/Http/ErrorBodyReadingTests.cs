using System.Net;
using System.Text;
using System.Text.Json;
using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// How much of a body an error report reads and keeps: a body of exactly the limit is whole and parsed, one byte more
/// is cut and not parsed; what is kept is cut at <see cref="ResponseBodyReader.MaxBytes"/> characters (never inside a
/// surrogate pair) and marked; a body that cannot be read is reported as such.
/// </summary>
public sealed class ErrorBodyReadingTests
{
    private const string CutMark = "…[truncated]";

    [Fact]
    public async Task NoBodyIsAnEmptyWholeBody()
    {
        var body = await ResponseBodyReader.ReadErrorAsync(null, 100, null, CancellationToken.None);

        Assert.Same(MaskedBody.Empty, body);
        Assert.Equal(string.Empty, MaskedBody.Empty.Text);
        Assert.Null(MaskedBody.Empty.Json);
        Assert.True(MaskedBody.Empty.IsWhole);
        Assert.Same(MaskedBody.Empty, await ResponseBodyReader.ReadMaskedAsync(null, null, CancellationToken.None));
    }

    [Fact]
    public async Task AnErrorBodyOfExactlyTheLimitIsWholeAndParsed()
    {
        const string json = """{"detail":"x"}""";

        var body = await ResponseBodyReader.ReadErrorAsync(Content(json), json.Length, null, CancellationToken.None);

        Assert.True(body.IsWhole);
        Assert.Equal(json, body.Text);
        Assert.Equal("x", body.Json!.Value.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnErrorBodyOneBytePastTheLimitIsCutMarkedAndNotParsed()
    {
        const string json = """{"detail":"xy"}""";

        var body = await ResponseBodyReader.ReadErrorAsync(Content(json), json.Length - 1, null, CancellationToken.None);

        Assert.False(body.IsWhole);
        Assert.Null(body.Json);
        Assert.Equal(json[..^1] + CutMark, body.Text);
    }

    [Fact]
    public async Task AnErrorBodyPastTheLimitWhosePiecesFillTheLimitExactlyIsCut()
    {
        const string json = """{"detail":"x"}""";

        var body = await ResponseBodyReader.ReadErrorAsync(Content(json + "  ", chunk: 7), json.Length, null, CancellationToken.None);

        Assert.False(body.IsWhole);
        Assert.Null(body.Json);
    }

    [Fact]
    public async Task AnErrorBodyReadInPiecesThatFillEachBufferIsReadWholeAndParsed()
    {
        var json = Json(40_000);

        var body = await ResponseBodyReader.ReadErrorAsync(Content(json), long.MaxValue, null, CancellationToken.None);

        // Parsed whole; the text kept is cut.
        Assert.Equal(40_000 - 13, body.Json!.Value.GetProperty("detail").GetString()!.Length);
    }

    [Fact]
    public async Task AnErrorBodyIsReadUpToAMegabyteWhateverTheResponseLimit()
    {
        var whole = Json(ResponseBodyReader.MaxClassifiedBytes);
        var over = Json(ResponseBodyReader.MaxClassifiedBytes + 1);

        var read = await ResponseBodyReader.ReadErrorAsync(Content(whole, chunk: 7000), long.MaxValue, null, CancellationToken.None);
        var cut = await ResponseBodyReader.ReadErrorAsync(Content(over, chunk: 7000), long.MaxValue, null, CancellationToken.None);

        Assert.Equal(ResponseBodyReader.MaxClassifiedBytes - 13, read.Json!.Value.GetProperty("detail").GetString()!.Length);
        Assert.False(read.IsWhole);
        Assert.Equal(whole[..ResponseBodyReader.MaxBytes] + CutMark, read.Text);
        Assert.Null(cut.Json);
        Assert.Equal(over[..ResponseBodyReader.MaxBytes] + CutMark, cut.Text);
    }

    [Fact]
    public async Task AMaskedReadKeepsAShortBodyWhole()
    {
        var (text, complete) = await ResponseBodyReader.ReadCappedAsync(Content("plain failure"), null, CancellationToken.None);

        Assert.Equal("plain failure", text);
        Assert.True(complete);
    }

    [Fact]
    public async Task AMaskedReadReadsPastWhatItKeepsSoASecretAcrossTheCutIsMaskedWhole()
    {
        const string secret = "s3cr3t-value-that-crosses-the-cut";
        var text = new string('a', ResponseBodyReader.MaxBytes - 5) + secret + new string('b', ResponseBodyReader.MaskedBytes);

        var (kept, complete) = await ResponseBodyReader.ReadCappedAsync(Content(text), new KnownSecrets([secret]), CancellationToken.None);

        Assert.False(complete);
        Assert.Equal(new string('a', ResponseBodyReader.MaxBytes - 5) + SecretRedactor.Mask + "bb" + CutMark, kept);
    }

    [Fact]
    public async Task AMaskedReadOfAMaskedBytesBodyIsCompleteBeforeItIsCut()
    {
        // Read whole (exactly MaskedBytes), so the JSON is parsed even though the text kept is cut.
        var json = Json(ResponseBodyReader.MaskedBytes);
        var over = Json(ResponseBodyReader.MaskedBytes + 1);

        var body = await ResponseBodyReader.ReadMaskedAsync(Content(json), null, CancellationToken.None);
        var cut = await ResponseBodyReader.ReadMaskedAsync(Content(over), null, CancellationToken.None);

        Assert.NotNull(body.Json);
        Assert.Null(cut.Json);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ABodyThatCannotBeReadIsReportedWithTheReason(bool connectionLost)
    {
        Exception failure = connectionLost ? new HttpRequestException("the connection was reset") : new IOException("the connection was reset");
        using var content = new StreamContent(new FailingStream(failure));

        var body = await ResponseBodyReader.ReadErrorAsync(content, 1000, null, CancellationToken.None);

        Assert.Equal("[the body could not be read: the connection was reset]", body.Text);
        Assert.Null(body.Json);
        Assert.False(body.IsWhole);
    }

    [Fact]
    public async Task ABodyThatCannotBeDecodedIsReportedAsSuch()
    {
        using var content = new StreamContent(new FailingStream(new InvalidDataException("bad block")));

        var body = await ResponseBodyReader.ReadMaskedAsync(content, null, CancellationToken.None);

        Assert.Equal("[the body could not be read: the body's content encoding could not be decoded (bad block)]", body.Text);
        Assert.False(body.IsWhole);
    }

    [Fact]
    public async Task OtherFailuresAreNotTakenForAnUnreadableBody()
    {
        using var content = new StreamContent(new FailingStream(new OperationCanceledException()));

        await Assert.ThrowsAsync<OperationCanceledException>(() => ResponseBodyReader.ReadErrorAsync(content, 1000, null, CancellationToken.None));
    }

    [Fact]
    public void ATextOfExactlyWhatIsKeptIsWholeAndOneCharacterMoreIsCut()
    {
        var kept = new string('k', ResponseBodyReader.MaxBytes);

        var whole = ResponseBodyReader.MaskBody(Encoding.UTF8.GetBytes(kept), complete: true, null);
        var cut = ResponseBodyReader.MaskBody(Encoding.UTF8.GetBytes(kept + "z"), complete: true, null);

        Assert.Equal((kept, true), (whole.Text, whole.IsWhole));
        Assert.Equal((kept + CutMark, false), (cut.Text, cut.IsWhole));
    }

    [Fact]
    public void ACutNeverSplitsASurrogatePair()
    {
        var text = new string('k', ResponseBodyReader.MaxBytes - 1) + "😀tail";

        var cut = ResponseBodyReader.MaskBody(Encoding.UTF8.GetBytes(text), complete: true, null);

        Assert.Equal(new string('k', ResponseBodyReader.MaxBytes - 1) + CutMark, cut.Text);
    }

    [Fact]
    public void AStartOfABodyIsMarkedAsCutAndNotParsedEvenWhenItReadsAsJson()
    {
        var start = ResponseBodyReader.MaskBody(Encoding.UTF8.GetBytes("""{"detail":"x"}"""), complete: false, null);

        Assert.Equal("""{"detail":"x"}""" + CutMark, start.Text);
        Assert.Null(start.Json);
        Assert.False(start.IsWhole);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("not json", false)]
    [InlineData("{\"a\":", false)]
    [InlineData("[1,2]", true)]
    [InlineData("\"text\"", true)]
    public void OnlyACompleteJsonBodyIsParsed(string text, bool parsed)
    {
        Assert.Equal(parsed, ResponseBodyReader.TryParseJson(text, complete: true) is not null);
        Assert.Null(ResponseBodyReader.TryParseJson(text, complete: false));
    }

    [Fact]
    public void AJsonBodyWithNothingToMaskIsKeptAsTheServerWroteIt()
    {
        const string json = "{ \"detail\" :  \"Not found.\" }";

        var body = ResponseBodyReader.MaskBody(Encoding.UTF8.GetBytes(json), complete: true, new KnownSecrets(["unrelated-secret"]));

        Assert.Equal(json, body.Text);
        Assert.Equal(JsonValueKind.Object, body.Json!.Value.ValueKind);
    }

    [Fact]
    public async Task TheOpenedBodyStopsAtTheLimit()
    {
        await using var stream = await ResponseBodyReader.OpenAsync(Content("12345"), 4, CancellationToken.None);

        Assert.Equal(4, Assert.IsType<ResponseTooLargeException>(await Record.ExceptionAsync(() => stream.CopyToAsync(Stream.Null))).Limit);
    }

    private static string Json(int length) => "{\"detail\":\"" + new string('d', length - 13) + "\"}";

    private static StreamContent Content(string text, int chunk = int.MaxValue) =>
        new StreamContent(new ChunkedStream(Encoding.UTF8.GetBytes(text), chunk));

    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }

    private sealed class FailingStream(Exception failure) : MemoryStream(new byte[8])
    {
        public override int Read(Span<byte> buffer) => throw failure;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw failure;

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw failure;
    }
}
