using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Authentication;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Authentication;

/// <summary>
/// What the draft-cavage handler signs and sends: each header line as draft-cavage-12 §2.3 canonicalizes it, the
/// timestamps of hs2019, signing strings and signatures of any size, and the options it refuses.
/// </summary>
public sealed class DraftCavageSigningTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    private static HttpSignatureHandler Handler(RecordingSigner signer, IReadOnlyList<string> headers, TimeSpan? expires = null, TimeProvider? clock = null) =>
        new(new HttpSignatureOptions { KeyId = "key-1", Signer = signer, Headers = headers, Expires = expires, TimeProvider = clock ?? new FakeTimeProvider(Start) })
        {
            InnerHandler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent)),
        };

    private static async Task<string> SendAsync(HttpSignatureHandler handler, HttpRequestMessage request)
    {
        using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        using var response = await invoker.SendAsync(request, CancellationToken.None);
        return request.Headers.NonValidated["Authorization"].ToString();
    }

    [Fact]
    public async Task RepeatedAndContentHeadersAreSignedTrimmedAndJoined()
    {
        using var signer = new RecordingSigner("hmac-sha256");
        using var handler = Handler(signer, ["(request-target)", "x-multi", "x-padded", "x-empty", "content-type", "date"]);
        using var request = new HttpRequestMessage(HttpMethod.Put, "https://example.com/a%20b/?q=1&r=%2F") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("x-multi", [" one ", "two\t"]);
        request.Headers.TryAddWithoutValidation("x-padded", "\t keep  inner  spaces ");
        request.Headers.TryAddWithoutValidation("x-empty", "");

        await SendAsync(handler, request);

        Assert.Equal(
            "(request-target): put /a%20b/?q=1&r=%2F\nx-multi: one, two\nx-padded: keep  inner  spaces\nx-empty: \ncontent-type: application/json; charset=utf-8\ndate: Tue, 14 Nov 2023 22:13:20 GMT",
            Assert.Single(signer.Signed));
    }

    [Theory]
    [InlineData("a\r\n b", "a b")]
    [InlineData("a \r\n\t b", "a b")]
    [InlineData("a\nb", "a b")]
    [InlineData(" a", "a")]
    [InlineData("a ", "a")]
    [InlineData("a  b", "a  b")]
    [InlineData("\r\n a", "a")]
    [InlineData(" a\v", "a\v")]
    public void AFoldedOrPaddedValueIsCanonicalized(string value, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.com/");
        request.Headers.TryAddWithoutValidation("x-v", value);

        Assert.Equal($"x-v: {expected}", DraftCavageSignature.BuildSigningString(request, ["x-v"]));
    }

    [Theory]
    [InlineData("https://example.com/", "example.com")]
    [InlineData("http://example.com:80/", "example.com")]
    [InlineData("http://example.com:8080/", "example.com:8080")]
    [InlineData("https://[::1]:8443/", "[::1]:8443")]
    [InlineData("https://[::1]/", "[::1]")]
    [InlineData("https://bücher.example/", "xn--bcher-kva.example")]
    public void TheHostIsTheOneTheTransportWillSend(string uri, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);

        Assert.Equal($"host: {host}", DraftCavageSignature.BuildSigningString(request, ["host"]));
    }

    [Fact]
    public void AHostHeaderWinsOverTheAddress()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://10.0.0.1:8443/");
        request.Headers.Host = "jms.example.com";

        Assert.Equal("host: jms.example.com", DraftCavageSignature.BuildSigningString(request, ["host"]));
    }

    [Fact]
    public void AMissingOrNonAsciiHeaderIsRefused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.com/");
        request.Headers.TryAddWithoutValidation("x-name", "Zoë");
        using var relative = new HttpRequestMessage(HttpMethod.Get, new Uri("/x", UriKind.Relative));

        var missing = Assert.Throws<InvalidOperationException>(() => DraftCavageSignature.BuildSigningString(request, ["x-absent"]));
        var nonAscii = Assert.Throws<InvalidOperationException>(() => DraftCavageSignature.BuildSigningString(request, ["x-name"]));
        Assert.Throws<InvalidOperationException>(() => DraftCavageSignature.BuildSigningString(relative, ["host"]));
        var nonAsciiName = Assert.Throws<InvalidOperationException>(() => DraftCavageSignature.BuildSigningString(request, ["x-zoë"]));

        Assert.Equal("The header 'x-absent' is listed for signing but the request does not have it.", missing.Message);
        Assert.Contains("ASCII", nonAscii.Message, StringComparison.Ordinal);
        Assert.Contains("ASCII", nonAsciiName.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(1500)]
    [InlineData(5000)]
    public async Task ASigningStringOfAnySizeIsSignedWhole(int length)
    {
        using var signer = new RecordingSigner("hmac-sha256");
        using var handler = Handler(signer, ["(request-target)", "x-long", "date"]);
        var value = new string('v', length);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.com/p");
        request.Headers.TryAddWithoutValidation("x-long", value);

        await SendAsync(handler, request);

        Assert.Equal($"(request-target): get /p\nx-long: {value}\ndate: Tue, 14 Nov 2023 22:13:20 GMT", Assert.Single(signer.Signed));
        Assert.Equal(DraftCavageSignature.BuildSigningString(request, ["(request-target)", "x-long", "date"]), signer.Signed[0]);
    }

    // The first buffer holds 1,024 bytes: these lengths end the line before the request target, or the padding itself,
    // just short of its end, at it, or past it; from 999 the request target's line start no longer fits.
    [Theory]
    [InlineData(995, true)]
    [InlineData(996, true)]
    [InlineData(997, true)]
    [InlineData(998, true)]
    [InlineData(999, true)]
    [InlineData(1010, true)]
    [InlineData(1015, false)]
    [InlineData(1017, false)]
    [InlineData(1020, false)]
    public void ALineThatReachesTheEndOfTheBufferIsWrittenWhole(int padding, bool withTarget)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.com/p");
        var value = new string('p', padding);
        request.Headers.TryAddWithoutValidation("x-pad", value);

        var signed = DraftCavageSignature.BuildSigningString(request, withTarget ? ["x-pad", "(request-target)"] : ["x-pad"]);

        Assert.Equal(withTarget ? $"x-pad: {value}\n(request-target): get /p" : $"x-pad: {value}", signed);
    }

    // The handler first writes into 512 bytes on the stack: "x-pad: ", the padding and "\n(created): " take 19 bytes
    // more, so from a padding of 484 the ten digits of (created) no longer fit, and from 494 neither does its line start.
    [Theory]
    [InlineData(483)]
    [InlineData(484)]
    [InlineData(488)]
    [InlineData(493)]
    [InlineData(494)]
    public async Task ACreatedValueThatReachesTheEndOfTheBufferIsSignedWhole(int padding)
    {
        using var signer = new RecordingSigner("ed25519");
        using var handler = Handler(signer, ["x-pad", "(created)"]);
        var value = new string('p', padding);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.com/p");
        request.Headers.TryAddWithoutValidation("x-pad", value);

        await SendAsync(handler, request);

        Assert.Equal($"x-pad: {value}\n(created): 1700000000", Assert.Single(signer.Signed));
    }

    [Fact]
    public void SigningDirectlyStampsTheClocksSecond()
    {
        var clock = new FakeTimeProvider(Start.AddMilliseconds(900));
        using var signer = new RecordingSigner("ed25519");
        using var handler = Handler(signer, ["(created)"], clock: clock);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.com/p");

        handler.Sign(request);

        Assert.Equal("(created): 1700000000", Assert.Single(signer.Signed));
    }

    [Theory]
    [InlineData(32)]
    [InlineData(512)]
    [InlineData(513)]
    [InlineData(2048)]
    public async Task ASignatureOfAnySizeIsSentWhole(int size)
    {
        using var signer = new RecordingSigner("hmac-sha256", size);
        using var handler = Handler(signer, ["date"]);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.com/p");

        var authorization = await SendAsync(handler, request);

        var expected = Convert.ToBase64String(Enumerable.Range(0, size).Select(i => (byte)i).ToArray());
        Assert.Equal($"Signature keyId=\"key-1\",algorithm=\"hmac-sha256\",headers=\"date\",signature=\"{expected}\"", authorization);
    }

    [Fact]
    public async Task ASignerThatWritesNothingFailsTheRequestBeforeItIsSent()
    {
        using var signer = new RecordingSigner("hmac-sha256") { Refuses = true };
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        using var handler = new HttpSignatureHandler(new HttpSignatureOptions { KeyId = "k", Signer = signer, TimeProvider = new FakeTimeProvider(Start) }) { InnerHandler = stub };
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.com/p");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => invoker.SendAsync(request, CancellationToken.None));

        Assert.Equal("The hmac-sha256 signer wrote no signature into 32 bytes, though it declares at most 32.", error.Message);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Hs2019SignsCreatedAndExpiresFromTheClockEachSecondAfresh()
    {
        var clock = new FakeTimeProvider(Start);
        using var signer = new RecordingSigner("ed25519");
        using var handler = Handler(signer, ["(request-target)", "(created)", "(expires)"], TimeSpan.FromSeconds(90.5), clock);

        var first = await SendAsync(handler, new HttpRequestMessage(HttpMethod.Get, "https://example.com/p"));
        var again = await SendAsync(handler, new HttpRequestMessage(HttpMethod.Get, "https://example.com/p"));
        clock.Advance(TimeSpan.FromSeconds(1));
        var later = await SendAsync(handler, new HttpRequestMessage(HttpMethod.Get, "https://example.com/p"));

        Assert.StartsWith("Signature keyId=\"key-1\",algorithm=\"hs2019\",created=1700000000,expires=1700000090,headers=\"(request-target) (created) (expires)\",signature=\"", first, StringComparison.Ordinal);
        Assert.Equal(first, again);
        Assert.StartsWith("Signature keyId=\"key-1\",algorithm=\"hs2019\",created=1700000001,expires=1700000091,headers=", later, StringComparison.Ordinal);
        Assert.Equal(
            ["(request-target): get /p\n(created): 1700000000\n(expires): 1700000090", "(request-target): get /p\n(created): 1700000000\n(expires): 1700000090", "(request-target): get /p\n(created): 1700000001\n(expires): 1700000091"],
            signer.Signed);
    }

    [Fact]
    public async Task Hs2019WithCreatedAndNoLifetimeSendsNoExpiry()
    {
        using var signer = new RecordingSigner("ed25519");
        using var handler = Handler(signer, ["(created)", "date"]);

        var authorization = await SendAsync(handler, new HttpRequestMessage(HttpMethod.Get, "https://example.com/p"));

        Assert.StartsWith("Signature keyId=\"key-1\",algorithm=\"hs2019\",created=1700000000,headers=\"(created) date\",signature=\"", authorization, StringComparison.Ordinal);
        Assert.Equal("(created): 1700000000\ndate: Tue, 14 Nov 2023 22:13:20 GMT", Assert.Single(signer.Signed));
    }

    [Fact]
    public async Task ALifetimeAloneStampsCreatedAndExpiresWithoutSigningThem()
    {
        using var signer = new RecordingSigner("ed25519");
        using var handler = Handler(signer, ["date"], TimeSpan.FromMinutes(5));

        var authorization = await SendAsync(handler, new HttpRequestMessage(HttpMethod.Get, "https://example.com/p"));

        Assert.StartsWith("Signature keyId=\"key-1\",algorithm=\"hs2019\",created=1700000000,expires=1700000300,headers=\"date\",signature=\"", authorization, StringComparison.Ordinal);
        Assert.Equal("date: Tue, 14 Nov 2023 22:13:20 GMT", Assert.Single(signer.Signed));
    }

    [Fact]
    public async Task AResentRequestGetsOneDateAndOneAuthorization()
    {
        var clock = new FakeTimeProvider(Start);
        using var signer = new RecordingSigner("hmac-sha256");
        using var handler = Handler(signer, ["(request-target)", "date"], clock: clock);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.com/p");

        await SendAsync(handler, request);
        clock.Advance(TimeSpan.FromSeconds(3));
        await SendAsync(handler, request);

        Assert.Equal("Tue, 14 Nov 2023 22:13:23 GMT", Assert.Single(request.Headers.NonValidated["Date"]));
        Assert.Single(request.Headers.NonValidated["Authorization"]);
        Assert.Equal("(request-target): get /p\ndate: Tue, 14 Nov 2023 22:13:23 GMT", signer.Signed[1]);
    }

    [Theory]
    [InlineData(" ", "hmac-sha256", "date")]
    [InlineData("k", "hmac-sha256", "")]
    [InlineData("k", "hmac-sha256", "Date")]
    [InlineData("k", "hmac-sha256", "x-a x-a")]
    [InlineData("k", "hmac-sha256", "date  x-a")]
    [InlineData("k", "hmac-sha256", "date x-é")]
    public void BadOptionsAreRefused(string keyId, string algorithm, string headers)
    {
        using var signer = new RecordingSigner(algorithm);

        Assert.Throws<ArgumentException>(() => new HttpSignatureHandler(new HttpSignatureOptions { KeyId = keyId, Signer = signer, Headers = headers.Length == 0 ? [] : headers.Split(' ') }));
    }

    [Fact]
    public void MissingOptionsAndLifetimesUnderASecondAreRefused()
    {
        using var signer = new RecordingSigner("ed25519");

        Assert.Throws<ArgumentNullException>(() => new HttpSignatureHandler(null!));
        Assert.Throws<ArgumentNullException>(() => new HttpSignatureHandler(new HttpSignatureOptions { KeyId = "k", Signer = null! }));
        Assert.Throws<ArgumentException>(() => new HttpSignatureHandler(new HttpSignatureOptions { KeyId = "k", Signer = signer, Headers = null! }));
        var brief = Assert.Throws<ArgumentException>(() => new HttpSignatureHandler(new HttpSignatureOptions { KeyId = "k", Signer = signer, Expires = TimeSpan.FromMilliseconds(999) }));
        using var hmac = new RecordingSigner("hmac-sha256");
        var hmacExpiry = Assert.Throws<ArgumentException>(() => new HttpSignatureHandler(new HttpSignatureOptions { KeyId = "k", Signer = hmac, Expires = TimeSpan.FromSeconds(5) }));
        using var oneSecond = new HttpSignatureHandler(new HttpSignatureOptions { KeyId = "k", Signer = signer, Expires = TimeSpan.FromSeconds(1) });

        Assert.Equal("HttpSignatureOptions.Expires must be at least one second. (Parameter 'options')", brief.Message);
        Assert.Contains("hs2019 only; this signer's is hmac-sha256", hmacExpiry.Message, StringComparison.Ordinal);
    }

    /// <summary>Records each signing string it is given and writes the bytes 0, 1, 2, … as the signature.</summary>
    private sealed class RecordingSigner(string algorithm, int size = 32) : HttpMessageSigner(algorithm, size)
    {
        public List<string> Signed { get; } = [];

        public bool Refuses { get; init; }

        public override bool TrySign(ReadOnlySpan<byte> signatureBase, Span<byte> destination, out int bytesWritten)
        {
            Signed.Add(Encoding.ASCII.GetString(signatureBase));
            if (Refuses)
            {
                bytesWritten = 0;
                return false;
            }

            for (var i = 0; i < MaxSignatureSize; i++)
            {
                destination[i] = (byte)i;
            }

            bytesWritten = MaxSignatureSize;
            return true;
        }
    }
}
