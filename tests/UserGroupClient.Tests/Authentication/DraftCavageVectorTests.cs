using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Authentication;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Authentication;

/// <summary>
/// draft-cavage-http-signatures-12 on the SDK's signers: the draft's Appendix C examples (rsa-sha256 with its 1024-bit
/// key "Test", deterministic, so signed and compared), its §2.3 canonicalization example, and hs2019 with Ed25519.
/// </summary>
public sealed class DraftCavageVectorTests
{
    // Appendix C's private key (PKCS#1). The draft calls it 2048-bit; it has 1024 bits.
    private const string TestKeyPem = """
        -----BEGIN RSA PRIVATE KEY-----
        MIICXgIBAAKBgQDCFENGw33yGihy92pDjZQhl0C36rPJj+CvfSC8+q28hxA161QF
        NUd13wuCTUcq0Qd2qsBe/2hFyc2DCJJg0h1L78+6Z4UMR7EOcpfdUE9Hf3m/hs+F
        UR45uBJeDK1HSFHD8bHKD6kv8FPGfJTotc+2xjJwoYi+1hqp1fIekaxsyQIDAQAB
        AoGBAJR8ZkCUvx5kzv+utdl7T5MnordT1TvoXXJGXK7ZZ+UuvMNUCdN2QPc4sBiA
        QWvLw1cSKt5DsKZ8UETpYPy8pPYnnDEz2dDYiaew9+xEpubyeW2oH4Zx71wqBtOK
        kqwrXa/pzdpiucRRjk6vE6YY7EBBs/g7uanVpGibOVAEsqH1AkEA7DkjVH28WDUg
        f1nqvfn2Kj6CT7nIcE3jGJsZZ7zlZmBmHFDONMLUrXR/Zm3pR5m0tCmBqa5RK95u
        412jt1dPIwJBANJT3v8pnkth48bQo/fKel6uEYyboRtA5/uHuHkZ6FQF7OUkGogc
        mSJluOdc5t6hI1VsLn0QZEjQZMEOWr+wKSMCQQCC4kXJEsHAve77oP6HtG/IiEn7
        kpyUXRNvFsDE0czpJJBvL/aRFUJxuRK91jhjC68sA7NsKMGg5OXb5I5Jj36xAkEA
        gIT7aFOYBFwGgQAQkWNKLvySgKbAZRTeLBacpHMuQdl1DfdntvAyqpAZ0lY0RKmW
        G6aFKaqQfOXKCyWoUiVknQJAXrlgySFci/2ueKlIE1QqIiLSZ8V8OlpFLRnb1pzI
        7U1yQXnTAEFYM560yJlzUpOb1V4cScGd365tiSMvxLOvTA==
        -----END RSA PRIVATE KEY-----
        """;

    private const string ExampleDate = "Sun, 05 Jan 2014 21:31:40 GMT";

    // C.3's signature covers these six lines only: the draft's printed header also lists (created) and (expires),
    // which its own §2.3 forbids with rsa-sha256 and which the signature does not cover.
    [Theory]
    [InlineData(
        "date",
        "date: Sun, 05 Jan 2014 21:31:40 GMT",
        "SjWJWbWN7i0wzBvtPl8rbASWz5xQW6mcJmn+ibttBqtifLN7Sazz6m79cNfwwb8DMJ5cou1s7uEGKKCs+FLEEaDV5lp7q25WqS+lavg7T8hc0GppauB6hbgEKTwblDHYGEtbGmtdHgVCk9SuS13F0hZ8FD0k/5OxEPXe5WozsbM=")]
    [InlineData(
        "(request-target) host date",
        "(request-target): post /foo?param=value&pet=dog\nhost: example.com\ndate: Sun, 05 Jan 2014 21:31:40 GMT",
        "qdx+H7PHHDZgy4y/Ahn9Tny9V3GP6YgBPyUXMmoxWtLbHpUnXS2mg2+SbrQDMCJypxBLSPQR2aAjn7ndmw2iicw3HMbe8VfEdKFYRqzic+efkb3nndiv/x1xSHDJWeSWkx3ButlYSuBskLu6kd9Fswtemr3lgdDEmn04swr2Os0=")]
    [InlineData(
        "(request-target) host date content-type digest content-length",
        "(request-target): post /foo?param=value&pet=dog\nhost: example.com\ndate: Sun, 05 Jan 2014 21:31:40 GMT\ncontent-type: application/json\ndigest: SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=\ncontent-length: 18",
        "vSdrb+dS3EceC9bcwHSo4MlyKS59iFIrhgYkz8+oVLEEzmYZZvRs8rgOp+63LEM3v+MFHB32NfpB2bEKBIvB1q52LaEUHFv120V01IL+TAD48XaERZFukWgHoBTLMhYS2Gb51gWxpeIq8knRmPnYePbF5MOkR0Zkly4zKH7s1dE=")]
    public void AppendixCExamplesAreReproducedWithTheRsaV15Signer(string headers, string signingString, string signature)
    {
        using var signer = HttpMessageSigners.RsaV15Sha256FromPem(TestKeyPem);
        using var handler = new HttpSignatureHandler(new HttpSignatureOptions { KeyId = "Test", Signer = signer, Headers = headers.Split(' ') });
        using var request = ExampleRequest();

        Assert.Equal(signingString, DraftCavageSignature.BuildSigningString(request, headers.Split(' ')));
        handler.Sign(request);

        Assert.Equal(
            $"Signature keyId=\"Test\",algorithm=\"rsa-sha256\",headers=\"{headers}\",signature=\"{signature}\"",
            request.Headers.Authorization!.ToString());
    }

    [Fact]
    public void TheHostLineIsTheRequestsAuthorityWhenNoHostHeaderIsSet()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://Example.com:8443/foo");

        Assert.Equal("host: example.com:8443", DraftCavageSignature.BuildSigningString(request, ["host"]));
    }

    // §2.3's example: a repeated header joined by ", ", an empty one as "name: " (with the space), and an obsolete line
    // folding with the whitespace around it read as one space.
    [Fact]
    public void Section23CanonicalizationExampleIsReproduced()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://example.org/foo");
        request.Headers.TryAddWithoutValidation("Host", "example.org");
        request.Headers.TryAddWithoutValidation("Date", "Tue, 07 Jun 2014 20:51:35 GMT");
        request.Headers.TryAddWithoutValidation("X-Example", "Example header\r\n    with some whitespace.   ");
        request.Headers.TryAddWithoutValidation("X-EmptyHeader", "");
        request.Headers.TryAddWithoutValidation("Cache-Control", ["max-age=60", "must-revalidate"]);

        var signingString = DraftCavageSignature.BuildSigningString(
            request, ["(request-target)", "(created)", "host", "date", "cache-control", "x-emptyheader", "x-example"], created: 1402170695);

        Assert.Equal(
            "(request-target): get /foo\n(created): 1402170695\nhost: example.org\ndate: Tue, 07 Jun 2014 20:51:35 GMT\ncache-control: max-age=60, must-revalidate\nx-emptyheader: \nx-example: Example header with some whitespace.",
            signingString);
    }

    // RFC 9421's Ed25519 test key (B.1.4) signs; the signature verifies with its public key over the signing string
    // rebuilt from what was sent, created and expires included.
    [Fact]
    public async Task Hs2019WithEd25519SignsCreatedAndExpiresAndVerifiesWithThePublicKey()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1402170695));
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        using var signer = HttpMessageSigners.Ed25519(Rfc9421Vectors.Ed25519Seed());
        using var handler = new HttpSignatureHandler(new HttpSignatureOptions
        {
            KeyId = "test-key-ed25519",
            Signer = signer,
            Headers = ["(request-target)", "(created)", "(expires)", "host", "date"],
            Expires = TimeSpan.FromMinutes(5),
            TimeProvider = clock,
        })
        { InnerHandler = stub };
        using var invoker = new HttpMessageInvoker(handler);

        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.org/foo?bar=1");
        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        var authorization = stub.Requests.Single().Header("Authorization")!;
        const string Prefix = "Signature keyId=\"test-key-ed25519\",algorithm=\"hs2019\",created=1402170695,expires=1402170995,headers=\"(request-target) (created) (expires) host date\",signature=\"";
        Assert.StartsWith(Prefix, authorization, StringComparison.Ordinal);
        var signature = Convert.FromBase64String(authorization[Prefix.Length..^1]);
        using var publicKey = HttpMessageVerificationKeys.Ed25519FromPem(Rfc9421Vectors.Key("test-key-ed25519.pub.pem"));
        var signed = "(request-target): get /foo?bar=1\n(created): 1402170695\n(expires): 1402170995\nhost: example.org\ndate: Sat, 07 Jun 2014 19:51:35 GMT";
        Assert.Equal("Sat, 07 Jun 2014 19:51:35 GMT", stub.Requests.Single().Header("Date"));
        Assert.True(publicKey.Verify(Encoding.ASCII.GetBytes(signed), signature));
        Assert.False(publicKey.Verify(Encoding.ASCII.GetBytes(signed.Replace("bar=1", "bar=2", StringComparison.Ordinal)), signature));
    }

    [Theory]
    [InlineData("ed25519", "hs2019")]
    [InlineData("ecdsa-p256-sha256", "hs2019")]
    [InlineData("rsa-pss-sha512", "hs2019")]
    [InlineData("rsa-v1_5-sha256", "rsa-sha256")]
    [InlineData("hmac-sha256", "hmac-sha256")]
    [InlineData("hmac-sha512", "hmac-sha512")]
    public void TheAlgorithmParameterIsDraftCavagesNameForTheSigner(string signerAlgorithm, string parameter)
    {
        using var signer = new NamedSigner(signerAlgorithm);

        Assert.Equal(parameter, DraftCavageSignature.AlgorithmOf(signer));
    }

    [Theory]
    [InlineData("(created)")]
    [InlineData("(expires)")]
    public void CreatedAndExpiresAreRefusedWithAnAlgorithmOtherThanHs2019(string header)
    {
        using var signer = HmacSha256SignatureSigner.FromAsciiSecret("secret");

        var refused = Assert.Throws<ArgumentException>(() => new HttpSignatureHandler(new HttpSignatureOptions
        {
            KeyId = "key",
            Signer = signer,
            Headers = ["(request-target)", header, "date"],
            Expires = TimeSpan.FromMinutes(1),
        }));

        Assert.Contains("hs2019", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpiresListedWithoutALifetimeIsRefused()
    {
        using var signer = HttpMessageSigners.Ed25519(Rfc9421Vectors.Ed25519Seed());

        var refused = Assert.Throws<ArgumentException>(() => new HttpSignatureHandler(new HttpSignatureOptions
        {
            KeyId = "key",
            Signer = signer,
            Headers = ["(request-target)", "(expires)"],
        }));

        Assert.Contains("Expires", refused.Message, StringComparison.Ordinal);
    }

    // A signer whose signatures do not fit the stack buffer (RSA-8192: 1024 bytes) still signs, through pooled memory.
    [Fact]
    public void ASignatureLargerThanTheStackBufferIsSentWhole()
    {
        using var signer = new NamedSigner("hs2019", signatureSize: 1024);
        using var handler = new HttpSignatureHandler(new HttpSignatureOptions { KeyId = "key", Signer = signer });
        using var request = ExampleRequest();

        handler.Sign(request);

        var authorization = request.Headers.Authorization!.ToString();
        var value = authorization[(authorization.IndexOf("signature=\"", StringComparison.Ordinal) + 11)..^1];
        Assert.Equal(Enumerable.Repeat((byte)7, 1024), Convert.FromBase64String(value));
    }

    private static HttpRequestMessage ExampleRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "http://example.com/foo?param=value&pet=dog")
        {
            Content = new ByteArrayContent("{\"hello\": \"world\"}"u8.ToArray()),
        };
        request.Headers.TryAddWithoutValidation("Host", "example.com");
        request.Headers.TryAddWithoutValidation("Date", ExampleDate);
        request.Headers.TryAddWithoutValidation("Digest", "SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=");
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        request.Content.Headers.TryAddWithoutValidation("Content-Length", "18");
        return request;
    }

    /// <summary>A signer that only has a name and writes a fixed pattern: for what the handler makes of the name and size.</summary>
    private sealed class NamedSigner(string algorithm, int signatureSize = 32) : HttpMessageSigner(algorithm, signatureSize)
    {
        public override bool TrySign(ReadOnlySpan<byte> signatureBase, Span<byte> destination, out int bytesWritten)
        {
            destination[..MaxSignatureSize].Fill(7);
            bytesWritten = MaxSignatureSize;
            return true;
        }
    }
}
