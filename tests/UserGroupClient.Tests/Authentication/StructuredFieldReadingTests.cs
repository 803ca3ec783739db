using UserGroupClient.Authentication;
using static UserGroupClient.Tests.Authentication.SignedMessages;

namespace UserGroupClient.Tests.Authentication;

/// <summary>
/// How <see cref="HttpMessageSignatureVerifier"/> reads the <c>Signature-Input</c> and <c>Signature</c> dictionaries
/// (RFC 8941): the forms it accepts and signs in their canonical serialisation, and the ones it refuses as malformed.
/// </summary>
public sealed class StructuredFieldReadingTests
{
    private const string MethodLine = "\"@method\": GET\n";

    public static TheoryData<string, string> AcceptedInputs => new()
    {
        // The member as written on the wire; the same member as RFC 9421 §2.3 serialises it into the base.
        { "  sig1=(\"@method\");created={now};keyid=\"k\"", "(\"@method\");created={now};keyid=\"k\"" },
        { "sig1=( \"@method\"  \"@path\" );created={now};keyid=\"k\"", "(\"@method\" \"@path\");created={now};keyid=\"k\"" },
        { "sig1=(\"@method\" \"@path\");created={now}; keyid=\"k\"", "(\"@method\" \"@path\");created={now};keyid=\"k\"" },
        { "sig1=(\"@method\");created=1;keyid=\"k\";created={now}", "(\"@method\");created={now};keyid=\"k\"" },
        { "sig1=();created={now};keyid=\"k\"", "();created={now};keyid=\"k\"" },
        { "sig1=(\"@method\");created={now};keyid=\"k\";x=-12.5;y=0.125;z=-0;w=*t0k:/;v=?1", "(\"@method\");created={now};keyid=\"k\";x=-12.5;y=0.125;z=0;w=*t0k:/;v" },
        { "sig1=(\"@method\");created={now};keyid=\"k\";t=a!#$%&'*+-.^_`|~z;n=-999999999999999;d=-999999999999.999", "(\"@method\");created={now};keyid=\"k\";t=a!#$%&'*+-.^_`|~z;n=-999999999999999;d=-999999999999.999" },
        { "sig1=(\"@method\");created={now};keyid=\"k\";n=999999999999999;d=999999999999.9", "(\"@method\");created={now};keyid=\"k\";n=999999999999999;d=999999999999.9" },
        { "sig1=(\"@method\");created={now};keyid=\"k\";d=2.0;e=2.50;f=-3.000;g=0.100", "(\"@method\");created={now};keyid=\"k\";d=2.0;e=2.5;f=-3.0;g=0.1" },
        { "sig1=(\"@method\");created={now};keyid=\"k\";s=\"a\\\\b\\\"c ~\";b=::", "(\"@method\");created={now};keyid=\"k\";s=\"a\\\\b\\\"c ~\";b=::" },
        // RFC 8941 §4.2.7: a byte sequence without its "=" padding is read as if padded.
        { "sig1=(\"@method\");created={now};keyid=\"k\";b=:AQI:;c=:AQ:;d=:AQI=:", "(\"@method\");created={now};keyid=\"k\";b=:AQI=:;c=:AQ==:;d=:AQI=:" },
    };

    public static TheoryData<string> MalformedInputs =>
    [
        "sig1=(\"@method\");created={now};keyid=\"k\",",
        "sig1=(\"@method\");created={now};keyid=\"k\", ",
        "sig1=(\"@method\");created={now};keyid=\"k\" other=()",
        "sig1=(\"@method\"\"@path\");created={now};keyid=\"k\"",
        "sig1=(\"@method\"\t\"@path\");created={now};keyid=\"k\"",
        "sig1=(\"@method\";created={now};keyid=\"k\"",
        "Sig1=(\"@method\");created={now};keyid=\"k\"",
        "1sig=(\"@method\");created={now};keyid=\"k\"",
        "sig1=(\"@method\");created={now};keyid=\"k\";n=1234567890123456",
        "sig1=(\"@method\");created={now};keyid=\"k\";n=-",
        "sig1=(\"@method\");created={now};keyid=\"k\";n=-1234567890123456",
        "sig1=(\"@method\");created={now};keyid=\"k\";d=-.5",
        "sig1=(\"@method\");created={now};keyid=\"k\";d=-1234567890123.5",
        "sig1=(\"@method\");created={now};keyid=\"k\";d=1.",
        "sig1=(\"@method\");created={now};keyid=\"k\";d=1.2345",
        "sig1=(\"@method\");created={now};keyid=\"k\";d=1234567890123.5",
        "sig1=(\"@method\");created={now};keyid=\"k\";s=\"a\\x\"",
        "sig1=(\"@method\");created={now};keyid=\"k\";s=\"a\\",
        "sig1=(\"@method\");created={now};keyid=\"k\";s=\"open",
        "sig1=(\"@method\");created={now};keyid=\"k\";s=\"tab\there\"",
        "sig1=(\"@method\");created={now};keyid=\"k\";s=\"é\"",
        "sig1=(\"@method\");created={now};keyid=\"k\";b=:AQID",
        "sig1=(\"@method\");created={now};keyid=\"k\";b=:A:",
        "sig1=(\"@method\");created={now};keyid=\"k\";b=:AA AA:",
        "sig1=(\"@method\");created={now};keyid=\"k\";b=:AQ-_:",
        "sig1=(\"@method\");created={now};keyid=\"k\";b=:A=AA:",
        "sig1=(\"@method\");created={now};keyid=\"k\";v=?2",
        "sig1=(\"@method\");created={now};keyid=\"k\";v=?",
        "sig1=(\"@method\");created={now};keyid=\"k\";=1",
        "sig1=(\"@method\");created={now};keyid=\"k\";Up=1",
        "sig1=(\"@method\");created={now};keyid=\"k\";x=#",
        "sig1=(\"@method\");created={now};keyid=\"k\";x=",
    ];

    [Theory]
    [MemberData(nameof(AcceptedInputs))]
    public async Task AValidMemberIsSignedInItsCanonicalForm(string written, string canonical)
    {
        using var key = Key();
        using var request = Get();
        var now = NowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var components = canonical.Contains("@path", StringComparison.Ordinal) ? MethodLine + "\"@path\": /v1/groups\n" : canonical.StartsWith("()", StringComparison.Ordinal) ? "" : MethodLine;
        request.Headers.TryAddWithoutValidation("Signature-Input", written.Replace("{now}", now, StringComparison.Ordinal));
        request.Headers.TryAddWithoutValidation("Signature", $"sig1=:{Sign(components + "\"@signature-params\": " + canonical.Replace("{now}", now, StringComparison.Ordinal))}:");

        var result = await Verifier(key).VerifyRequestAsync(request);

        Assert.True(result.IsValid, result.ToString());
    }

    [Theory]
    [MemberData(nameof(MalformedInputs))]
    public async Task AMemberThatIsNotAStructuredFieldIsMalformed(string written)
    {
        using var key = Key();
        using var request = Get();
        request.Headers.TryAddWithoutValidation("Signature-Input", written.Replace("{now}", NowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        request.Headers.TryAddWithoutValidation("Signature", "sig1=:AAAA:");

        var result = await Verifier(key).VerifyRequestAsync(request);

        Assert.Equal(HttpMessageSignatureFailure.MalformedSignature, result.Failure);
        Assert.Null(result.Label);
    }

    [Theory]
    [InlineData("sig1=:{sig}:")]
    [InlineData("sig1=:AAAA:, sig1=:{sig}:")]
    [InlineData("other, sig1=:{sig}:")]
    [InlineData("other;x=1,\tsig1=:{sig}:\t")]
    [InlineData("other=?0 ,  sig1=:{sig}:;x")]
    public async Task TheSignatureDictionaryIsReadWhateverElseItHolds(string signatureField)
    {
        using var key = Key();
        using var request = Get();
        var parameters = $"(\"@method\");created={NowSeconds};keyid=\"k\"";
        request.Headers.TryAddWithoutValidation("Signature-Input", "sig1=" + parameters);
        request.Headers.TryAddWithoutValidation("Signature", signatureField.Replace("{sig}", Sign(MethodLine + "\"@signature-params\": " + parameters), StringComparison.Ordinal));

        var result = await Verifier(key).VerifyRequestAsync(request);

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public async Task ASignatureSentWithoutItsBase64PaddingVerifies()
    {
        using var key = Key();
        using var request = Get();
        var parameters = $"(\"@method\");created={NowSeconds};keyid=\"k\"";
        var signature = Sign(MethodLine + "\"@signature-params\": " + parameters);
        request.Headers.TryAddWithoutValidation("Signature-Input", "sig1=" + parameters);
        request.Headers.TryAddWithoutValidation("Signature", $"sig1=:{signature.TrimEnd('=')}:");

        var result = await Verifier(key).VerifyRequestAsync(request);

        Assert.EndsWith("=", signature, StringComparison.Ordinal);
        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public async Task ARepeatedLabelKeepsItsPlaceAndTakesTheLaterMember()
    {
        using var key = Key();
        using var request = Get();
        var parameters = $"(\"@method\");created={NowSeconds};keyid=\"k\"";
        request.Headers.TryAddWithoutValidation("Signature-Input", $"sig1=(\"@path\");created=1;keyid=\"other\", sig2=();keyid=\"k\", sig1={parameters}");
        request.Headers.TryAddWithoutValidation("Signature", $"sig2=:AAAA:, sig1=:{Sign(MethodLine + "\"@signature-params\": " + parameters)}:");

        var result = await Verifier(key).VerifyRequestAsync(request);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal("sig1", result.Label);
    }

    [Fact]
    public async Task ALabelWithoutAMemberIsABooleanNotASignature()
    {
        using var key = Key();
        using var request = Get();
        request.Headers.TryAddWithoutValidation("Signature-Input", $"sig1;created={NowSeconds}");
        request.Headers.TryAddWithoutValidation("Signature", "sig1");

        var result = await Verifier(key).VerifyRequestAsync(request);

        Assert.Equal(HttpMessageSignatureFailure.MalformedSignature, result.Failure);
        Assert.Equal("sig1", result.Label);
    }

    [Fact]
    public async Task AnEscapedKeyIdIsLookedUpUnescaped()
    {
        using var key = Key();
        using var request = Get();
        var parameters = $"(\"@method\");created={NowSeconds};keyid=\"a\\\"b\\\\c\"";
        request.Headers.TryAddWithoutValidation("Signature-Input", "sig1=" + parameters);
        request.Headers.TryAddWithoutValidation("Signature", $"sig1=:{Sign(MethodLine + "\"@signature-params\": " + parameters)}:");
        var verifier = new HttpMessageSignatureVerifier(new HttpMessageSignatureVerifierOptions
        {
            KeyResolver = id => id == "a\"b\\c" ? key : null,
            TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now),
        });

        var result = await verifier.VerifyRequestAsync(request);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal("a\"b\\c", result.KeyId);
    }

    [Theory]
    [InlineData("\"@method\" junk")]
    [InlineData("\"@method")]
    [InlineData("\"\"")]
    [InlineData("@method;req=1")]
    [InlineData("@query-param;name=1")]
    [InlineData("@query-param;name=\"a\";name=\"b\";x")]
    [InlineData("content-type;name=\"a\"")]
    [InlineData("x-a;req;req")]
    [InlineData("?1")]
    [InlineData(" ")]
    public void AConfiguredComponentThatIsNotAnIdentifierIsRefused(string component)
    {
        using var signer = HttpMessageSigners.HmacSha256(Secret);

        var error = Assert.Throws<ArgumentException>(() => new HttpMessageSignatureHandler(new HttpMessageSignatureOptions { KeyId = "k", Signer = signer, Components = [component] }));

        Assert.Equal("options", error.ParamName);
    }

    [Theory]
    [InlineData("\"@method\"", "\"@method\"")]
    [InlineData("\"X-Trace\"", "\"x-trace\"")]
    [InlineData("@query-param;name=\"id\"", "\"@query-param\";name=\"id\"")]
    [InlineData("\"@query-param\";name=\"id\"", "\"@query-param\";name=\"id\"")]
    [InlineData("x!#$%&'*+-.^_`|~1", "\"x!#$%&'*+-.^_`|~1\"")]
    public async Task AConfiguredComponentIsSentAsItsSerialisedIdentifier(string component, string identifier)
    {
        using var signer = HttpMessageSigners.HmacSha256(Secret);
        using var handler = new HttpMessageSignatureHandler(new HttpMessageSignatureOptions { KeyId = "k", Signer = signer, Components = [component], IncludeCreated = false })
        {
            InnerHandler = new CallbackHandler(_ => { }),
        };
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/?id=1");
        request.Headers.TryAddWithoutValidation("X-Trace", "t");
        request.Headers.TryAddWithoutValidation("x!#$%&'*+-.^_`|~1", "odd");

        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        Assert.Equal($"sig1=({identifier});keyid=\"k\"", request.Headers.GetValues("Signature-Input").Single());
    }

    private static HttpRequestMessage Get() => new(HttpMethod.Get, "https://api.example.com/v1/groups?id=7");
}
