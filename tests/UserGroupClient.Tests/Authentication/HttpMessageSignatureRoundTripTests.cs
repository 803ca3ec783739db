using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Authentication;

namespace UserGroupClient.Tests.Authentication;

/// <summary>Requests signed by <see cref="HttpMessageSignatureHandler"/> go out with their body and pass <see cref="HttpMessageSignatureVerifier"/>.</summary>
public sealed class HttpMessageSignatureRoundTripTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] EveryComponent =
    [
        "@method", "@target-uri", "@authority", "@scheme", "@request-target", "@path", "@query", "@query-param;name=\"id\"",
        "content-digest", "content-type", "content-length", "x-trace",
    ];

    public static TheoryData<string> KeyIds => ["test-key-ed25519", "test-shared-secret", "test-key-ecc-p256", "test-key-rsa-pss", "test-key-rsa"];

    [Theory]
    [MemberData(nameof(KeyIds))]
    public async Task SignedRequestWithBodyVerifiesForEveryAlgorithm(string keyId)
    {
        using var signer = Rfc9421Vectors.Signer(keyId);
        using var key = Rfc9421Vectors.VerificationKey(keyId);
        var inner = new RecordingInnerHandler();
        using var invoker = Invoker(signer, keyId, inner, [.. EveryComponent], ContentDigestAlgorithm.Sha512);
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.example.com:8443/v1/groups?id=7&x=a+b")
        {
            Content = new StringContent("{\"name\":\"ops\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Trace", ["a", " b "]);

        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        Assert.Equal("{\"name\":\"ops\"}", inner.Body);
        Assert.StartsWith("sha-512=:", inner.Sent!.Headers.GetValues("Content-Digest").Single(), StringComparison.Ordinal);
        var result = await Verifier(keyId, key).VerifyRequestAsync(inner.Sent);
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(keyId, result.KeyId);
    }

    [Fact]
    public async Task BodyThatCanBeReadOnlyOnceIsDigestedAndStillSentWhole()
    {
        using var signer = Rfc9421Vectors.Signer("test-key-ed25519");
        using var key = Rfc9421Vectors.VerificationKey("test-key-ed25519");
        var inner = new RecordingInnerHandler();
        using var invoker = Invoker(signer, "test-key-ed25519", inner, ["@method", "@path", "content-digest"], ContentDigestAlgorithm.Sha256);
        using var request = new HttpRequestMessage(HttpMethod.Put, "https://api.example.com/v1/groups/7")
        {
            Content = new StreamContent(new ForwardOnlyStream(Encoding.UTF8.GetBytes("{\"hello\": \"world\"}"))),
        };

        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        Assert.Equal("{\"hello\": \"world\"}", inner.Body);
        Assert.Equal("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:", inner.Sent!.Headers.GetValues("Content-Digest").Single());
        Assert.True((await Verifier("test-key-ed25519", key).VerifyRequestAsync(inner.Sent)).IsValid);
    }

    [Fact]
    public async Task RetryThroughTheHandlerReplacesItsOwnSignatureAndKeepsAnotherLabels()
    {
        using var signer = Rfc9421Vectors.Signer("test-shared-secret");
        var inner = new RecordingInnerHandler();
        using var invoker = Invoker(signer, "test-shared-secret", inner, ["@method"], null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/");
        request.Headers.TryAddWithoutValidation("Signature-Input", "proxy=();created=1");
        request.Headers.TryAddWithoutValidation("Signature", "proxy=:AAAA:");

        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();
        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        var inputs = request.Headers.GetValues("Signature-Input").ToList();
        Assert.Equal(2, inputs.Count);
        Assert.Equal("proxy=();created=1", inputs[0]);
        Assert.StartsWith("sig1=(\"@method\");created=", inputs[1], StringComparison.Ordinal);
        Assert.Equal(2, request.Headers.GetValues("Signature").Count());
    }

    [Fact]
    public async Task TamperedCoveredHeaderFailsVerification()
    {
        using var signer = Rfc9421Vectors.Signer("test-key-ed25519");
        using var key = Rfc9421Vectors.VerificationKey("test-key-ed25519");
        var inner = new RecordingInnerHandler();
        using var invoker = Invoker(signer, "test-key-ed25519", inner, ["@method", "x-trace"], null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/");
        request.Headers.Add("X-Trace", "a");
        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        inner.Sent!.Headers.Remove("X-Trace");
        inner.Sent.Headers.Add("X-Trace", "b");

        Assert.Equal(HttpMessageSignatureFailure.InvalidSignature, (await Verifier("test-key-ed25519", key).VerifyRequestAsync(inner.Sent)).Failure);
    }

    [Theory]
    [InlineData(29, true, HttpMessageSignatureFailure.None)]
    [InlineData(31, true, HttpMessageSignatureFailure.CreatedInFuture)]
    [InlineData(-(5 * 60) - 29, true, HttpMessageSignatureFailure.None)]
    [InlineData(-(5 * 60) - 31, true, HttpMessageSignatureFailure.TooOld)]
    [InlineData(0, false, HttpMessageSignatureFailure.MissingCreated)]
    public async Task CreatedIsJudgedByTheVerifierClockWithTheAllowedSkew(int signerClockOffsetSeconds, bool includeCreated, HttpMessageSignatureFailure expected)
    {
        using var signer = Rfc9421Vectors.Signer("test-shared-secret");
        using var key = Rfc9421Vectors.VerificationKey("test-shared-secret");
        var inner = new RecordingInnerHandler();
        using var handler = new HttpMessageSignatureHandler(new HttpMessageSignatureOptions
        {
            KeyId = "test-shared-secret",
            Signer = signer,
            IncludeCreated = includeCreated,
            TimeProvider = new FakeTimeProvider(Now.AddSeconds(signerClockOffsetSeconds)),
        })
        { InnerHandler = inner };
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/");
        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        Assert.Equal(expected, (await Verifier("test-shared-secret", key).VerifyRequestAsync(inner.Sent!)).Failure);
    }

    [Fact]
    public async Task VerifierRejectsUnknownKeyOtherAlgorithmAndMissingRequiredComponent()
    {
        using var signer = Rfc9421Vectors.Signer("test-key-ed25519");
        using var key = Rfc9421Vectors.VerificationKey("test-key-ed25519");
        using var hmac = Rfc9421Vectors.VerificationKey("test-shared-secret");
        var inner = new RecordingInnerHandler();
        using var handler = new HttpMessageSignatureHandler(new HttpMessageSignatureOptions
        {
            KeyId = "test-key-ed25519",
            Signer = signer,
            IncludeAlgorithm = true,
            Components = ["@method", "@path"],
            TimeProvider = new FakeTimeProvider(Now),
        })
        { InnerHandler = inner };
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/x");
        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();
        var clock = new FakeTimeProvider(Now);

        var unknown = await new HttpMessageSignatureVerifier(new() { KeyResolver = _ => null, TimeProvider = clock }).VerifyRequestAsync(inner.Sent!);
        var otherAlgorithm = await new HttpMessageSignatureVerifier(new() { KeyResolver = _ => hmac, TimeProvider = clock }).VerifyRequestAsync(inner.Sent!);
        var missingRequired = await new HttpMessageSignatureVerifier(new() { KeyResolver = _ => key, TimeProvider = clock, RequiredComponents = ["@authority"] }).VerifyRequestAsync(inner.Sent!);
        var valid = await new HttpMessageSignatureVerifier(new() { KeyResolver = _ => key, TimeProvider = clock, RequiredComponents = ["@method", "@path"] }).VerifyRequestAsync(inner.Sent!);

        Assert.Equal(HttpMessageSignatureFailure.UnknownKey, unknown.Failure);
        Assert.Equal(HttpMessageSignatureFailure.AlgorithmMismatch, otherAlgorithm.Failure);
        Assert.Equal(HttpMessageSignatureFailure.MissingRequiredComponent, missingRequired.Failure);
        Assert.True(valid.IsValid, valid.ToString());
    }

    [Fact]
    public async Task UnsignedMessageIsReportedAsMissingSignature()
    {
        using var key = Rfc9421Vectors.VerificationKey("test-key-ed25519");
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/");

        Assert.Equal(HttpMessageSignatureFailure.MissingSignature, (await Verifier("test-key-ed25519", key).VerifyRequestAsync(request)).Failure);
    }

    [Fact]
    public async Task ResponseSignatureOverStatusAndRequestComponentsVerifies()
    {
        var secret = Rfc9421Vectors.SharedSecret();
        using var key = HttpMessageVerificationKeys.HmacSha256(secret);
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.example.com/v1/groups?id=7");
        using var response = new HttpResponseMessage(HttpStatusCode.Created) { RequestMessage = request, Content = new StringContent("{}") };
        const string parameters = "(\"@status\" \"@method\";req \"@query-param\";name=\"id\";req);created=1777636800;keyid=\"k\"";
        var signatureBase = "\"@status\": 201\n\"@method\";req: POST\n\"@query-param\";name=\"id\";req: 7\n\"@signature-params\": " + parameters;
        response.Headers.TryAddWithoutValidation("Signature-Input", "resp=" + parameters);
        response.Headers.TryAddWithoutValidation("Signature", $"resp=:{Convert.ToBase64String(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signatureBase)))}:");
        var verifier = new HttpMessageSignatureVerifier(new()
        {
            KeyResolver = id => id == "k" ? key : null,
            RequiredComponents = ["@status", "@method;req"],
            TimeProvider = new FakeTimeProvider(Now),
        });

        var valid = await verifier.VerifyResponseAsync(response);
        response.StatusCode = HttpStatusCode.OK;
        var changedStatus = await verifier.VerifyResponseAsync(response);

        Assert.True(valid.IsValid, valid.ToString());
        Assert.Equal(HttpMessageSignatureFailure.InvalidSignature, changedStatus.Failure);
    }

    private static HttpMessageInvoker Invoker(HttpMessageSigner signer, string keyId, HttpMessageHandler inner, IList<string> components, ContentDigestAlgorithm? digest) =>
        new(new HttpMessageSignatureHandler(new HttpMessageSignatureOptions
        {
            KeyId = keyId,
            Signer = signer,
            Components = components,
            AddContentDigest = digest is not null,
            ContentDigestAlgorithm = digest ?? ContentDigestAlgorithm.Sha256,
            TimeProvider = new FakeTimeProvider(Now),
        })
        { InnerHandler = inner });

    private static HttpMessageSignatureVerifier Verifier(string keyId, HttpMessageVerificationKey key) => new(new HttpMessageSignatureVerifierOptions
    {
        KeyResolver = id => id == keyId ? key : null,
        TimeProvider = new FakeTimeProvider(Now),
    });

    /// <summary>Stands for the transport: reads the body as it would be sent and keeps the request.</summary>
    private sealed class RecordingInnerHandler : HttpMessageHandler
    {
        public HttpRequestMessage? Sent { get; private set; }

        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sent = request;
            if (request.Content is not null)
            {
                using var copy = new MemoryStream();
                await request.Content.CopyToAsync(copy, cancellationToken);
                Body = Encoding.UTF8.GetString(copy.ToArray());
            }

            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }
    }

    /// <summary>A body stream that can be read once, front to back, like a network or file stream.</summary>
    private sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
