using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Http;
using UserGroupClient.Tests.Support;

// The byte-array overloads of Read and ReadAsync are part of what these tests exercise.
#pragma warning disable CA1835

namespace UserGroupClient.Tests.Http;

/// <summary>
/// The stream a page is parsed from as it arrives: it knows the exchange it came from, delivers the body through every
/// read overload within the size limit, keeps the body's start for an error report, reads under the call's bound
/// (which the caller's token also stops), and ends the body when disposed.
/// </summary>
public sealed class StreamedBodyTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheStreamNamesTheRequestTheStatusTheBoundAndTheBodysHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h.example/api/groups/");
        using var response = Response(HttpStatusCode.Accepted, "{}");

        await using var stream = await OpenAsync(request, response, TimeSpan.FromSeconds(42));

        Assert.Same(request, stream.Request);
        Assert.Equal(HttpStatusCode.Accepted, stream.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(42), stream.Bound);
        Assert.Equal("application/json", stream.ContentHeaders.ContentType!.MediaType);
        Assert.False(stream.TimedOut);
    }

    [Fact]
    public async Task EveryReadOverloadDeliversTheBodyInOrderAndItsStartIsKept()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h.example/");
        using var response = Response(HttpStatusCode.OK, "abcdefghij");
        await using var stream = await OpenAsync(request, response);
        var buffer = new byte[8];

        Assert.Equal(2, stream.Read(buffer, 1, 2));
        Assert.Equal("ab", Encoding.ASCII.GetString(buffer, 1, 2));
        Assert.Equal(3, await stream.ReadAsync(buffer, 2, 3, CancellationToken.None));
        Assert.Equal("cde", Encoding.ASCII.GetString(buffer, 2, 3));
        Assert.Equal(5, await stream.ReadAsync(buffer.AsMemory(0, 8)));
        Assert.Equal("fghij", Encoding.ASCII.GetString(buffer, 0, 5));
        Assert.Equal(0, await stream.ReadAsync(buffer.AsMemory()));

        Assert.Equal("abcdefghij", Encoding.ASCII.GetString(stream.Prefix));
        Assert.True(stream.PrefixIsWhole);
    }

    [Fact]
    public async Task ABodyPastTheLimitFailsNamingTheLimit()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h.example/");
        using var response = Response(HttpStatusCode.OK, "0123456789");
        await using var stream = await OpenAsync(request, response, maxBytes: 9);

        var error = await Assert.ThrowsAsync<ResponseTooLargeException>(() => stream.CopyToAsync(Stream.Null));

        Assert.Equal(9, error.Limit);
    }

    [Fact]
    public async Task OnlyTheFirstMaskedBytesAreKeptAndTheRestIsStillDelivered()
    {
        var text = new string('a', ResponseBodyReader.MaskedBytes) + "tail";
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h.example/");
        using var response = Response(HttpStatusCode.OK, text);
        await using var stream = await OpenAsync(request, response);
        using var copy = new MemoryStream();

        await stream.CopyToAsync(copy);

        Assert.Equal(text, Encoding.ASCII.GetString(copy.ToArray()));
        Assert.Equal(new string('a', ResponseBodyReader.MaskedBytes), Encoding.ASCII.GetString(stream.Prefix));
        Assert.False(stream.PrefixIsWhole);
    }

    [Fact]
    public async Task ACancelledCallerTokenStopsAReadBeforeAnyByteIsTaken()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h.example/");
        using var response = Response(HttpStatusCode.OK, "abc");
        await using var stream = await OpenAsync(request, response);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var buffer = new byte[8];

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stream.ReadAsync(buffer.AsMemory(), cancelled.Token).AsTask());

        Assert.False(stream.TimedOut);
        Assert.Equal(3, await stream.ReadAsync(buffer.AsMemory()));
        Assert.Equal("abc", Encoding.ASCII.GetString(buffer, 0, 3));
    }

    [Fact]
    public async Task WhenTheCallsBoundElapsesAReadIsCancelledAndTheStreamSaysItTimedOut()
    {
        var clock = new FakeTimeProvider(Start);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h.example/");
        using var response = Response(HttpStatusCode.OK, "abc");
        await using var stream = await ResponseStream.OpenAsync(request, response, TimeoutScope.Start(clock, TimeSpan.FromSeconds(5), CancellationToken.None), TimeSpan.FromSeconds(5), 1000, CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.True(stream.TimedOut);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stream.ReadAsync(new byte[8].AsMemory()).AsTask());
    }

    [Fact]
    public async Task ItIsAForwardOnlyReadOnlyStream()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h.example/");
        using var response = Response(HttpStatusCode.OK, "abc");
        await using var stream = await OpenAsync(request, response);

        StreamAssert.IsForwardOnlyReadOnly(stream);
    }

    [Fact]
    public async Task DisposingItEndsTheBodyAndTheCallsBoundOnce()
    {
        var clock = new FakeTimeProvider(Start);
        var body = new MemoryStream(Encoding.ASCII.GetBytes("abc"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h.example/");
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) };
        var stream = await ResponseStream.OpenAsync(request, response, TimeoutScope.Start(clock, TimeSpan.FromSeconds(5), CancellationToken.None), TimeSpan.FromSeconds(5), 1000, CancellationToken.None);

        await stream.DisposeAsync();
        stream.Dispose();

        Assert.False(body.CanRead);
    }

    private static ValueTask<ResponseStream> OpenAsync(HttpRequestMessage request, HttpResponseMessage response, TimeSpan? bound = null, long maxBytes = 1_000_000) =>
        new(ResponseStream.OpenAsync(request, response, TimeoutScope.Start(TimeProvider.System, Timeout.InfiniteTimeSpan, CancellationToken.None), bound ?? TimeSpan.FromSeconds(30), maxBytes, CancellationToken.None));

    private static HttpResponseMessage Response(HttpStatusCode status, string body) =>
        new(status) { Content = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes(body))) { Headers = { { "Content-Type", "application/json" } } } };
}
