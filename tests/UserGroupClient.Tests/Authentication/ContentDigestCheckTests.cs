using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Authentication;
using static UserGroupClient.Tests.Authentication.SignedMessages;

namespace UserGroupClient.Tests.Authentication;

/// <summary>
/// RFC 9530 <c>Content-Digest</c>: what <see cref="HttpMessageSignatureHandler"/> sends for a body, and when
/// <see cref="HttpMessageSignatureVerifier"/> finds a covered digest does not match the body it came with.
/// </summary>
public sealed class ContentDigestCheckTests
{
    private const string Body = "{\"name\":\"ops\"}";

    private static readonly string Sha256 = "sha-256=:" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Body))) + ":";
    private static readonly string Sha512 = "sha-512=:" + Convert.ToBase64String(SHA512.HashData(Encoding.UTF8.GetBytes(Body))) + ":";

    [Theory]
    [InlineData(ContentDigestAlgorithm.Sha256, "sha-256")]
    [InlineData(ContentDigestAlgorithm.Sha512, "sha-512")]
    public async Task TheHandlerReplacesAnyDigestWithOneOfTheBodyAsSent(ContentDigestAlgorithm algorithm, string name)
    {
        var (sent, body) = await SendWithDigestAsync(algorithm, new StringContent(Body), "sha-256=:AAAA:");

        var expected = algorithm == ContentDigestAlgorithm.Sha512 ? SHA512.HashData(Encoding.UTF8.GetBytes(Body)) : SHA256.HashData(Encoding.UTF8.GetBytes(Body));
        Assert.Equal($"{name}=:{Convert.ToBase64String(expected)}:", Assert.Single(sent));
        Assert.Equal(Body, body);
    }

    [Fact]
    public async Task ARequestWithoutABodyCarriesTheDigestOfNothing()
    {
        var (sent, _) = await SendWithDigestAsync(ContentDigestAlgorithm.Sha256, null, null);

        Assert.Equal("sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:", Assert.Single(sent));
    }

    [Fact]
    public async Task ABodyWrittenThroughEveryKindOfStreamWriteIsDigestedWhole()
    {
        var content = new PiecewiseContent();

        var (sent, _) = await SendWithDigestAsync(ContentDigestAlgorithm.Sha256, content, null);

        Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData("abcdefgh"u8))}:", Assert.Single(sent));
        Assert.Contains("CanWrite=True CanRead=False CanSeek=False Length=NotSupported Position=NotSupported SetPosition=NotSupported Read=NotSupported Seek=NotSupported SetLength=NotSupported", content.SeenStreams);
    }

    [Fact]
    public async Task AnAlgorithmThatIsNotADigestStopsTheRequest()
    {
        var sent = false;
        using var signer = HttpMessageSigners.HmacSha256(Secret);
        using var handler = new HttpMessageSignatureHandler(new HttpMessageSignatureOptions
        {
            KeyId = "k",
            Signer = signer,
            AddContentDigest = true,
            ContentDigestAlgorithm = (ContentDigestAlgorithm)7,
        })
        {
            InnerHandler = new CallbackHandler(_ => sent = true),
        };
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.example.com/") { Content = new StringContent(Body) };

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => invoker.SendAsync(request, CancellationToken.None));

        Assert.False(sent);
    }

    [Fact]
    public async Task ADigestOnTheBodyHeadersIsFoundAndChecked()
    {
        using var key = Key();
        using var matching = Post(Body, contentDigest: Sha256);
        using var tampered = Post("{\"name\":\"dev\"}", contentDigest: Sha256);

        Assert.True((await Verifier(key).VerifyRequestAsync(matching)).IsValid);
        Assert.Equal(HttpMessageSignatureFailure.ContentDigestMismatch, (await Verifier(key).VerifyRequestAsync(tampered)).Failure);
    }

    [Fact]
    public async Task DigestLinesOnTheMessageAndOnTheBodyAreCheckedTogether()
    {
        using var key = Key();
        using var both = Post(Body, requestDigest: Sha256, contentDigest: Sha512);
        using var secondWrong = Post(Body, requestDigest: Sha256, contentDigest: "sha-512=:AAAA:");
        using var firstWrong = Post(Body, requestDigest: "sha-256=:AAAA:", contentDigest: Sha512);

        var bothResult = await Verifier(key).VerifyRequestAsync(both);

        Assert.True(bothResult.IsValid, bothResult.ToString());
        Assert.Equal(HttpMessageSignatureFailure.ContentDigestMismatch, (await Verifier(key).VerifyRequestAsync(secondWrong)).Failure);
        Assert.Equal(HttpMessageSignatureFailure.ContentDigestMismatch, (await Verifier(key).VerifyRequestAsync(firstWrong)).Failure);
    }

    [Fact]
    public async Task DigestLinesRepeatedOnTheBodyAreCheckedAsOneField()
    {
        using var key = Key();
        using var bodyOnly = Post(Body, null, Sha256, Sha512);
        using var messageAndBody = Post(Body, Sha512, Sha256, Sha512);
        using var lastWrong = Post(Body, Sha512, Sha256, "sha-512=:AAAA:");

        var bodyOnlyResult = await Verifier(key).VerifyRequestAsync(bodyOnly);
        var messageAndBodyResult = await Verifier(key).VerifyRequestAsync(messageAndBody);

        Assert.True(bodyOnlyResult.IsValid, bodyOnlyResult.ToString());
        Assert.True(messageAndBodyResult.IsValid, messageAndBodyResult.ToString());
        Assert.Equal(HttpMessageSignatureFailure.ContentDigestMismatch, (await Verifier(key).VerifyRequestAsync(lastWrong)).Failure);
    }

    [Theory]
    [InlineData("md5=:AAAA:")]
    [InlineData("sha-256=\"not bytes\"")]
    [InlineData("sha-256=:AAAA:")]
    [InlineData("sha-256=:AAAA:, sha-512=:AAAA:")]
    [InlineData("sha-256=(:AAAA:)")]
    [InlineData("SHA-256=:AAAA:")]
    [InlineData("sha-256=:AAAA:,")]
    public async Task ADigestThatDoesNotProveTheBodyIsAMismatch(string digest)
    {
        using var key = Key();
        using var request = Post(Body, requestDigest: digest);

        var result = await Verifier(key).VerifyRequestAsync(request);

        Assert.Equal(HttpMessageSignatureFailure.ContentDigestMismatch, result.Failure);
        Assert.Equal("sig1", result.Label);
        Assert.Equal("k", result.KeyId);
    }

    [Theory]
    [InlineData("md5=:AAAA:, sha-512=:{512}:")]
    [InlineData("sha-512=:{512}:, sha-256=:{256}:")]
    [InlineData("sha-256=:AAAA:, sha-256=:{256}:")]
    [InlineData("sha-256=:{256}:;x=1")]
    public async Task OtherAlgorithmsAreIgnoredAndEachKnownOneMustMatch(string template)
    {
        using var key = Key();
        var digest = template.Replace("{256}", Sha256[9..^1], StringComparison.Ordinal).Replace("{512}", Sha512[9..^1], StringComparison.Ordinal);
        using var request = Post(Body, requestDigest: digest);

        var result = await Verifier(key).VerifyRequestAsync(request);

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public async Task TheCheckCanBeTurnedOffAndAnUncoveredDigestIsNotChecked()
    {
        using var key = Key();
        using var covered = Post("{\"name\":\"dev\"}", requestDigest: Sha256);
        using var uncovered = new HttpRequestMessage(HttpMethod.Post, "https://api.example.com/") { Content = new StringContent("{\"name\":\"dev\"}") };
        uncovered.Headers.TryAddWithoutValidation("Content-Digest", Sha256);
        AddSignature(uncovered.Headers, "sig1", $"(\"@method\");created={NowSeconds};keyid=\"k\"", "\"@method\": POST\n");

        var turnedOff = await Verifier(key, verifyContentDigest: false).VerifyRequestAsync(covered);
        var notCovered = await Verifier(key).VerifyRequestAsync(uncovered);

        Assert.True(turnedOff.IsValid, turnedOff.ToString());
        Assert.True(notCovered.IsValid, notCovered.ToString());
    }

    [Fact]
    public async Task TheVerifierLeavesABodyReadableOnceForTheApplication()
    {
        using var key = Key();
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.example.com/") { Content = new StreamContent(new ForwardOnlyStream(Encoding.UTF8.GetBytes(Body))) };
        request.Headers.TryAddWithoutValidation("Content-Digest", Sha256);
        AddSignature(request.Headers, "sig1", $"(\"content-digest\");created={NowSeconds};keyid=\"k\"", $"\"content-digest\": {Sha256}\n");

        var result = await Verifier(key).VerifyRequestAsync(request);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(Body, await request.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AResponseDigestIsCheckedAgainstTheResponseBodyAndAReqDigestAgainstTheRequestBody()
    {
        using var key = Key();
        const string answer = "{\"id\":7}";
        var answerDigest = $"sha-256=:{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(answer)))}:";

        HttpResponseMessage Response(string requestBody, string responseBody)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "https://api.example.com/") { Content = new StringContent(requestBody) };
            request.Headers.TryAddWithoutValidation("Content-Digest", Sha256);
            var response = new HttpResponseMessage(HttpStatusCode.Created) { RequestMessage = request, Content = new StringContent(responseBody) };
            response.Headers.TryAddWithoutValidation("Content-Digest", answerDigest);
            AddSignature(
                response.Headers,
                "resp",
                $"(\"content-digest\" \"content-digest\";req);created={NowSeconds};keyid=\"k\"",
                $"\"content-digest\": {answerDigest}\n\"content-digest\";req: {Sha256}\n");
            return response;
        }

        using var valid = Response(Body, answer);
        using var otherAnswer = Response(Body, "{\"id\":8}");
        using var otherRequest = Response("{\"name\":\"dev\"}", answer);

        var validResult = await Verifier(key).VerifyResponseAsync(valid);

        Assert.True(validResult.IsValid, validResult.ToString());
        Assert.Equal(HttpMessageSignatureFailure.ContentDigestMismatch, (await Verifier(key).VerifyResponseAsync(otherAnswer)).Failure);
        Assert.Equal(HttpMessageSignatureFailure.ContentDigestMismatch, (await Verifier(key).VerifyResponseAsync(otherRequest)).Failure);
        valid.RequestMessage!.Dispose();
        otherAnswer.RequestMessage!.Dispose();
        otherRequest.RequestMessage!.Dispose();
    }

    // A POST signed over its content-digest, the digest as a request header line, a body header line, or both.
    private static HttpRequestMessage Post(string body, string? requestDigest = null, string? contentDigest = null) =>
        Post(body, requestDigest, contentDigest is null ? [] : [contentDigest]);

    // The same with any number of body header lines.
    private static HttpRequestMessage Post(string body, string? requestDigest, params string[] contentDigests)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "https://api.example.com/v1/groups") { Content = new StringContent(body) };
        if (requestDigest is not null)
        {
            request.Headers.TryAddWithoutValidation("Content-Digest", requestDigest);
        }

        if (contentDigests.Length > 0)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Digest", contentDigests);
        }

        var value = string.Join(", ", new[] { requestDigest }.OfType<string>().Concat(contentDigests));
        AddSignature(request.Headers, "sig1", $"(\"@method\" \"content-digest\");created={NowSeconds};keyid=\"k\"", $"\"@method\": POST\n\"content-digest\": {value}\n");
        return request;
    }

    private static async Task<(IEnumerable<string> Digest, string? Body)> SendWithDigestAsync(ContentDigestAlgorithm algorithm, HttpContent? content, string? existing)
    {
        IEnumerable<string> digest = [];
        string? body = null;
        using var signer = HttpMessageSigners.HmacSha256(Secret);
        using var handler = new HttpMessageSignatureHandler(new HttpMessageSignatureOptions
        {
            KeyId = "k",
            Signer = signer,
            Components = ["content-digest"],
            AddContentDigest = true,
            ContentDigestAlgorithm = algorithm,
            TimeProvider = new FakeTimeProvider(Now),
        })
        {
            InnerHandler = new CallbackHandler(request =>
            {
                digest = [.. request.Headers.GetValues("Content-Digest")];
                body = request.Content?.ReadAsStringAsync().GetAwaiter().GetResult();
            }),
        };
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.example.com/") { Content = content };
        if (existing is not null)
        {
            request.Headers.TryAddWithoutValidation("Content-Digest", existing);
        }

        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();
        return (digest, body);
    }

    /// <summary>
    /// A body of the application's own, a byte array content (as a string or form body is) that writes itself in pieces,
    /// through each write a stream offers.
    /// </summary>
    private sealed class PiecewiseContent() : ByteArrayContent([])
    {
        public List<string> SeenStreams { get; } = [];

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            SeenStreams.Add(Describe(stream));
            stream.Write("xxabyy"u8.ToArray(), 2, 2);
            stream.Write("cd"u8);
#pragma warning disable CA1835 // The array overload is one of the writes this body exercises on purpose.
            await stream.WriteAsync("xefy"u8.ToArray(), 1, 2);
#pragma warning restore CA1835
            await stream.WriteAsync("gh"u8.ToArray().AsMemory());
            stream.Flush();
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 8;
            return true;
        }

        private static string Describe(Stream stream) =>
            $"CanWrite={stream.CanWrite} CanRead={stream.CanRead} CanSeek={stream.CanSeek} Length={Try(() => stream.Length)} Position={Try(() => stream.Position)} "
            + $"SetPosition={Try(() => stream.Position = 0)} Read={Try(() => stream.Read(new byte[1], 0, 1))} Seek={Try(() => stream.Seek(0, SeekOrigin.Begin))} "
            + $"SetLength={Try(() => { stream.SetLength(0); return 0; })}";

        private static string Try(Func<long> read)
        {
            try
            {
                return read().ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (NotSupportedException)
            {
                return "NotSupported";
            }
        }
    }

    /// <summary>A body stream that can be read once, front to back, like a network stream.</summary>
    private sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
