using System.Net;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Authentication;

namespace UserGroupClient.Tests.Authentication;

/// <summary>RFC 9421's own examples (Appendix B, §2.5/§3.1, §4.3): bases byte for byte, signatures reproduced or verified.</summary>
public sealed class Rfc9421VectorTests
{
    public static TheoryData<string> RequestCases => ["B.2.1", "B.2.2", "B.2.3", "B.2.5", "B.2.6", "2.5/3.1-sig1", "B.4-transform", "B.3-ttrp", "4.3-proxy_sig"];

    public static TheoryData<string> DeterministicCases => ["B.2.5", "B.2.6", "B.4-transform", "4.3-proxy_sig"];

    public static TheoryData<string> AllCases => ["B.2.1", "B.2.2", "B.2.3", "B.2.4", "B.2.5", "B.2.6", "2.5/3.1-sig1", "B.4-transform", "B.3-ttrp", "4.3-proxy_sig"];

    [Theory]
    [MemberData(nameof(RequestCases))]
    public async Task HandlerBuildsTheExampleSignatureBaseByteForByte(string id)
    {
        using var signer = new RecordingSigner(Rfc9421Vectors.Signer(Rfc9421Vectors.Text(id, "keyid")));
        using var sent = await SignAsync(id, signer);

        Assert.Equal(Rfc9421Vectors.Text(id, "signature_base"), Assert.Single(signer.Bases));
        Assert.Equal(Rfc9421Vectors.Text(id, "signature_input"), sent.Headers.GetValues("Signature-Input").Single());
    }

    [Theory]
    [MemberData(nameof(DeterministicCases))]
    public async Task HandlerReproducesTheDeterministicExampleSignatureExactly(string id)
    {
        using var signer = Rfc9421Vectors.Signer(Rfc9421Vectors.Text(id, "keyid"));
        using var sent = await SignAsync(id, signer);

        Assert.Equal(Rfc9421Vectors.Text(id, "signature"), sent.Headers.GetValues("Signature").Single());
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public async Task VerifierAcceptsThePublishedSignatureOverTheSameBase(string id)
    {
        using var key = new RecordingVerificationKey(Rfc9421Vectors.VerificationKey(Rfc9421Vectors.Text(id, "keyid")));
        var verifier = Verifier(id, key);

        var result = id == "B.2.4"
            ? await verifier.VerifyResponseAsync(WithSignature(Rfc9421Vectors.Response(Rfc9421Vectors.Message("test_response_corrected_digest")), id))
            : await verifier.VerifyRequestAsync(WithSignature(ExampleRequest(id), id));

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(Rfc9421Vectors.Text(id, "label"), result.Label);
        Assert.Equal(Rfc9421Vectors.Text(id, "signature_base"), Assert.Single(key.Bases));
    }

    [Theory]
    [MemberData(nameof(RequestCases))]
    public async Task OurSignatureOfEachExampleVerifiesWithThePublishedPublicKey(string id)
    {
        using var signer = Rfc9421Vectors.Signer(Rfc9421Vectors.Text(id, "keyid"));
        using var sent = await SignAsync(id, signer);
        using var key = Rfc9421Vectors.VerificationKey(Rfc9421Vectors.Text(id, "keyid"));

        var result = await Verifier(id, key).VerifyRequestAsync(sent);

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public async Task TheB24ResponseAsPrintedFailsOnItsWrongContentDigest()
    {
        using var key = Rfc9421Vectors.VerificationKey("test-key-ecc-p256");
        using var response = WithSignature(Rfc9421Vectors.Response(Rfc9421Vectors.Message("test_response")), "B.2.4");

        var result = await Verifier("B.2.4", key).VerifyResponseAsync(response);

        Assert.Equal(HttpMessageSignatureFailure.InvalidSignature, result.Failure);
    }

    [Fact]
    public async Task TheB22ExampleFailsItsContentDigestCheckWhenTheBodyChanges()
    {
        using var key = Rfc9421Vectors.VerificationKey("test-key-rsa-pss");
        using var request = WithSignature(ExampleRequest("B.2.2"), "B.2.2");
        request.Content = new ByteArrayContent("{\"hello\": \"there\"}"u8.ToArray());

        var result = await Verifier("B.2.2", key).VerifyRequestAsync(request);

        Assert.Equal(HttpMessageSignatureFailure.ContentDigestMismatch, result.Failure);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task EachValidB4VariantOfTheMessageStillVerifies(int variant)
    {
        using var key = Rfc9421Vectors.VerificationKey("test-key-ed25519");
        var text = Rfc9421Vectors.Case("B.4-transform").GetProperty("valid_variants")[variant].GetString()!;

        var result = await Verifier("B.4-transform", key).VerifyRequestAsync(WithSignature(Rfc9421Vectors.Request(text), "B.4-transform"));

        Assert.True(result.IsValid, result.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task EachInvalidB4VariantOfTheMessageFails(int variant)
    {
        using var key = Rfc9421Vectors.VerificationKey("test-key-ed25519");
        var text = Rfc9421Vectors.Case("B.4-transform").GetProperty("invalid_variants")[variant].GetString()!;

        var result = await Verifier("B.4-transform", key).VerifyRequestAsync(WithSignature(Rfc9421Vectors.Request(text), "B.4-transform"));

        Assert.Equal(HttpMessageSignatureFailure.InvalidSignature, result.Failure);
    }

    [Fact]
    public async Task TheProxySignatureIsRejectedOnceItsExpiresHasPassed()
    {
        using var key = Rfc9421Vectors.VerificationKey("test-key-rsa");
        var verifier = new HttpMessageSignatureVerifier(new HttpMessageSignatureVerifierOptions
        {
            KeyResolver = _ => key,
            AllowedClockSkew = TimeSpan.FromSeconds(5),
            TimeProvider = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1618884540 + 6)),
        });

        var result = await verifier.VerifyRequestAsync(WithSignature(ExampleRequest("4.3-proxy_sig"), "4.3-proxy_sig"));

        Assert.Equal(HttpMessageSignatureFailure.Expired, result.Failure);
    }

    // The options that make our handler write each example's Signature-Input.
    private static HttpMessageSignatureOptions Options(string id, HttpMessageSigner signer)
    {
        var c = Rfc9421Vectors.Case(id);
        var proxy = id == "4.3-proxy_sig";
        return new HttpMessageSignatureOptions
        {
            KeyId = c.GetProperty("keyid").GetString()!,
            Signer = signer,
            Label = c.GetProperty("label").GetString()!,
            Components = id switch
            {
                "B.2.1" => [],
                "B.2.2" => ["@authority", "content-digest", "@query-param;name=\"Pet\""],
                "B.2.3" => ["date", "@method", "@path", "@query", "@authority", "content-type", "content-digest", "content-length"],
                "B.2.5" => ["date", "@authority", "content-type"],
                "B.2.6" => ["date", "@method", "@path", "@authority", "content-type", "content-length"],
                "2.5/3.1-sig1" => ["@method", "@authority", "@path", "content-digest", "content-length", "content-type"],
                "B.4-transform" => ["@method", "@path", "@authority", "accept"],
                "B.3-ttrp" => ["@path", "@query", "@method", "@authority", "client-cert"],
                "4.3-proxy_sig" => ["@method", "@authority", "@path", "content-digest", "content-type", "content-length", "forwarded"],
                _ => throw new ArgumentOutOfRangeException(nameof(id), id, "No such request example."),
            },
            Nonce = id == "B.2.1" ? () => "b3k2pp5k7z-50gnwp.yemd" : null,
            Tag = id == "B.2.2" ? "header-example" : null,
            IncludeAlgorithm = proxy,
            Expires = proxy ? TimeSpan.FromSeconds(60) : null,
            TimeProvider = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(proxy ? 1618884480 : Rfc9421Vectors.Created)),
        };
    }

    private static HttpMessageSignatureVerifier Verifier(string id, HttpMessageVerificationKey key) => new(new HttpMessageSignatureVerifierOptions
    {
        KeyResolver = keyId => keyId == Rfc9421Vectors.Text(id, "keyid") ? key : null,
        TimeProvider = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(Rfc9421Vectors.Created + 10)),
    });

    private static HttpRequestMessage ExampleRequest(string id) => id switch
    {
        "B.4-transform" or "B.3-ttrp" => Rfc9421Vectors.Request(Rfc9421Vectors.Text(id, "target_message")),
        "4.3-proxy_sig" => ProxiedRequest(),
        _ => Rfc9421Vectors.Request(Rfc9421Vectors.Message("test_request")),
    };

    // RFC 9421 §4.3: the test request as the proxy forwards it to the origin.
    private static HttpRequestMessage ProxiedRequest()
    {
        var request = Rfc9421Vectors.Request(Rfc9421Vectors.Message("test_request").Replace("Host: example.com", "Host: origin.host.internal.example", StringComparison.Ordinal));
        request.Headers.TryAddWithoutValidation("Forwarded", "for=192.0.2.123;host=example.com;proto=https");
        return request;
    }

    private static T WithSignature<T>(T message, string id)
        where T : class
    {
        var headers = message is HttpRequestMessage request ? (System.Net.Http.Headers.HttpHeaders)request.Headers : ((HttpResponseMessage)(object)message).Headers;
        headers.TryAddWithoutValidation("Signature-Input", Rfc9421Vectors.Text(id, "signature_input"));
        headers.TryAddWithoutValidation("Signature", Rfc9421Vectors.Text(id, "signature"));
        return message;
    }

    private static async Task<HttpRequestMessage> SignAsync(string id, HttpMessageSigner signer)
    {
        HttpRequestMessage? sent = null;
        using var handler = new HttpMessageSignatureHandler(Options(id, signer))
        {
            InnerHandler = new CallbackHandler(request => sent = request),
        };
        using var invoker = new HttpMessageInvoker(handler);
        // Not disposed here: the caller inspects (and disposes) the request that was sent, body included.
        var request = ExampleRequest(id);
        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();
        return sent!;
    }
}

/// <summary>The innermost handler: hands each request to a callback and answers 204.</summary>
internal sealed class CallbackHandler(Action<HttpRequestMessage> onRequest) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        onRequest(request);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent) { RequestMessage = request });
    }
}
