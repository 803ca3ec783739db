using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Authentication;
using static UserGroupClient.Tests.Authentication.SignedMessages;

namespace UserGroupClient.Tests.Authentication;

/// <summary>Every reason <see cref="HttpMessageSignatureVerifier"/> refuses a message for, and what it reports with it.</summary>
public sealed class HttpMessageSignatureRefusalTests
{
    private const string MethodLine = "\"@method\": GET\n";

    private static string Params(string extra = "") => $"(\"@method\");created={NowSeconds};keyid=\"k\"{extra}";

    [Fact]
    public async Task AWellSignedRequestIsValidAndNamesItsLabelAndKey()
    {
        using var key = Key();
        using var request = Get();
        AddSignature(request.Headers, "sig1", Params(), MethodLine);

        var result = await Verifier(key).VerifyRequestAsync(request);

        Assert.True(result.IsValid);
        Assert.Equal(HttpMessageSignatureFailure.None, result.Failure);
        Assert.Equal("sig1", result.Label);
        Assert.Equal("k", result.KeyId);
        Assert.Equal("Valid(Label=sig1, KeyId=k)", result.ToString());
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public async Task AMessageWithoutBothSignatureFieldsIsMissingItsSignature(bool withInput, bool withSignature)
    {
        using var key = Key();
        using var request = Get();
        if (withInput)
        {
            request.Headers.TryAddWithoutValidation("Signature-Input", "sig1=" + Params());
        }

        if (withSignature)
        {
            request.Headers.TryAddWithoutValidation("Signature", "sig1=:" + Sign(MethodLine) + ":");
        }

        var result = await Verifier(key).VerifyRequestAsync(request);

        Assert.Equal(HttpMessageSignatureFailure.MissingSignature, result.Failure);
        Assert.False(result.IsValid);
        Assert.Null(result.Label);
        Assert.Null(result.KeyId);
        Assert.Equal("Invalid(MissingSignature, Label=, KeyId=)", result.ToString());
    }

    [Fact]
    public async Task ASignatureInputWithoutItsSignatureIsMissingUnderItsLabel()
    {
        var result = await VerifyFieldsAsync("sig1=" + Params(), "other=:" + Sign(MethodLine) + ":");

        Assert.Equal(HttpMessageSignatureFailure.MissingSignature, result.Failure);
        Assert.Equal("sig1", result.Label);
        Assert.Null(result.KeyId);
    }

    [Fact]
    public async Task OnlyTheConfiguredLabelIsChecked()
    {
        using var key = Key();
        using var request = Get();
        request.Headers.TryAddWithoutValidation("Signature-Input", "first=" + Params());
        request.Headers.TryAddWithoutValidation("Signature", "first=:AAAA:");
        AddSignature(request.Headers, "second", Params(), MethodLine);

        var second = await Verifier(key, label: "second").VerifyRequestAsync(request);
        var first = await Verifier(key).VerifyRequestAsync(request);
        var absent = await Verifier(key, label: "third").VerifyRequestAsync(request);

        Assert.True(second.IsValid, second.ToString());
        Assert.Equal("second", second.Label);
        Assert.Equal(HttpMessageSignatureFailure.InvalidSignature, first.Failure);
        Assert.Equal("first", first.Label);
        Assert.Equal(HttpMessageSignatureFailure.MissingSignature, absent.Failure);
        Assert.Null(absent.Label);
    }

    [Fact]
    public async Task OnlyASignatureWithTheConfiguredTagIsChecked()
    {
        using var key = Key();
        using var request = Get();
        request.Headers.TryAddWithoutValidation("Signature-Input", "first=" + Params(";tag=\"other-app\""));
        request.Headers.TryAddWithoutValidation("Signature", "first=:AAAA:");
        request.Headers.TryAddWithoutValidation("Signature-Input", "untagged=" + Params());
        request.Headers.TryAddWithoutValidation("Signature", "untagged=:AAAA:");
        AddSignature(request.Headers, "second", Params(";tag=\"ugc\""), MethodLine);

        var tagged = await Verifier(key, tag: "ugc").VerifyRequestAsync(request);
        var taggedUnderLabel = await Verifier(key, label: "second", tag: "ugc").VerifyRequestAsync(request);
        var wrongLabel = await Verifier(key, label: "first", tag: "ugc").VerifyRequestAsync(request);
        var unknownTag = await Verifier(key, tag: "nobody").VerifyRequestAsync(request);

        Assert.True(tagged.IsValid, tagged.ToString());
        Assert.Equal("second", tagged.Label);
        Assert.True(taggedUnderLabel.IsValid, taggedUnderLabel.ToString());
        Assert.Equal(HttpMessageSignatureFailure.MissingSignature, wrongLabel.Failure);
        Assert.Equal(HttpMessageSignatureFailure.MissingSignature, unknownTag.Failure);
    }

    [Theory]
    [InlineData("sig1=(\"@method\";created=1", "sig1=:AAAA:")]
    [InlineData("Sig1=(\"@method\")", "sig1=:AAAA:")]
    [InlineData("sig1=(\"@method\" @path)", "sig1=:AAAA:")]
    public async Task AnUnreadableSignatureFieldIsMalformed(string input, string signature)
    {
        var result = await VerifyFieldsAsync(input, signature);

        Assert.Equal(HttpMessageSignatureFailure.MalformedSignature, result.Failure);
        Assert.Null(result.Label);
    }

    [Theory]
    [InlineData("sig1=\"@method\";created=1777636800;keyid=\"k\"", "sig1=:AAAA:")]
    [InlineData("sig1=(\"@method\");created=1777636800;keyid=\"k\"", "sig1=\"AAAA\"")]
    [InlineData("sig1=(\"@method\");created=1777636800;keyid=\"k\"", "sig1=AAAA:")]
    [InlineData("sig1=(\"@method\");created=1777636800;keyid=\"k\"", "sig1=(:AAAA:)")]
    [InlineData("sig1=(\"@method\");created=1777636800;keyid=k", "sig1=:AAAA:")]
    [InlineData("sig1=(\"@method\");created=1777636800;keyid=\"k\";alg=hmac-sha256", "sig1=:AAAA:")]
    [InlineData("sig1=(\"@method\");created=\"1777636800\";keyid=\"k\"", "sig1=:AAAA:")]
    [InlineData("sig1=(\"@method\");created=1777636800.5;keyid=\"k\"", "sig1=:AAAA:")]
    [InlineData("sig1=(\"@method\");created=1777636800;expires=?1;keyid=\"k\"", "sig1=:AAAA:")]
    [InlineData("sig1=(\"@method\");created=1777636800;keyid=\"k\";nonce=1", "sig1=:AAAA:")]
    [InlineData("sig1=(\"@method\");created=1777636800;keyid=\"k\";tag", "sig1=:AAAA:")]
    public async Task ASignatureWhoseMembersOrParametersHaveTheWrongTypeIsMalformed(string input, string signature)
    {
        var result = await VerifyFieldsAsync(input, signature);

        Assert.Equal(HttpMessageSignatureFailure.MalformedSignature, result.Failure);
        Assert.Equal("sig1", result.Label);
        Assert.Null(result.KeyId);
    }

    [Theory]
    [InlineData("(\"@method\" \"@method\")")]
    [InlineData("(\"@method\" \"Content-Type\")")]
    [InlineData("(\"@method\" \"@unknown\")")]
    [InlineData("(\"@method\" \"@query-param\")")]
    [InlineData("(\"@method\" \"@query-param\";name=\"a\";name2=\"b\")")]
    [InlineData("(\"@method\" \"x-trace\";sf)")]
    [InlineData("(\"@method\" \"@path\";req=?0)")]
    [InlineData("(\"@method\" \"@path\";name=\"a\")")]
    [InlineData("(\"@method\" \"bad name\")")]
    [InlineData("(\"@method\" \"\")")]
    public async Task ACoveredComponentThatIsRepeatedOrNotUnderstoodIsMalformed(string innerList)
    {
        using var key = Key();
        using var request = Get();
        var parameters = $"{innerList};created={NowSeconds};keyid=\"k\"";
        request.Headers.TryAddWithoutValidation("Signature-Input", "sig1=" + parameters);
        request.Headers.TryAddWithoutValidation("Signature", "sig1=:AAAA:");

        var result = await Verifier(key).VerifyRequestAsync(request);

        Assert.Equal(HttpMessageSignatureFailure.MalformedSignature, result.Failure);
        Assert.Equal("sig1", result.Label);
        Assert.Equal("k", result.KeyId);
    }

    [Fact]
    public async Task ASignatureWithoutAKeyIdOrWithOneTheResolverDoesNotKnowHasAnUnknownKey()
    {
        using var key = Key();
        using var withoutKeyId = Get();
        AddSignature(withoutKeyId.Headers, "sig1", $"(\"@method\");created={NowSeconds}", MethodLine);
        using var otherKeyId = Get();
        AddSignature(otherKeyId.Headers, "sig1", $"(\"@method\");created={NowSeconds};keyid=\"someone-else\"", MethodLine);

        var without = await Verifier(key).VerifyRequestAsync(withoutKeyId);
        var other = await Verifier(key).VerifyRequestAsync(otherKeyId);

        Assert.Equal(HttpMessageSignatureFailure.UnknownKey, without.Failure);
        Assert.Null(without.KeyId);
        Assert.Equal(HttpMessageSignatureFailure.UnknownKey, other.Failure);
        Assert.Equal("someone-else", other.KeyId);
        Assert.Equal("sig1", other.Label);
    }

    [Fact]
    public async Task AnAlgParameterMustNameTheKeysAlgorithm()
    {
        using var key = Key();
        using var same = Get();
        AddSignature(same.Headers, "sig1", Params(";alg=\"hmac-sha256\""), MethodLine);
        using var other = Get();
        AddSignature(other.Headers, "sig1", Params(";alg=\"ed25519\""), MethodLine);

        var sameResult = await Verifier(key).VerifyRequestAsync(same);
        var otherResult = await Verifier(key).VerifyRequestAsync(other);

        Assert.True(sameResult.IsValid, sameResult.ToString());
        Assert.Equal(HttpMessageSignatureFailure.AlgorithmMismatch, otherResult.Failure);
        Assert.Equal("k", otherResult.KeyId);
    }

    [Theory]
    [InlineData(30, HttpMessageSignatureFailure.None)]
    [InlineData(31, HttpMessageSignatureFailure.CreatedInFuture)]
    [InlineData(-330, HttpMessageSignatureFailure.None)]
    [InlineData(-331, HttpMessageSignatureFailure.TooOld)]
    public async Task CreatedMayBeOffByTheSkewAtTheEdgesOfItsWindow(int offsetSeconds, HttpMessageSignatureFailure expected)
    {
        using var key = Key();
        using var request = Get();
        AddSignature(request.Headers, "sig1", $"(\"@method\");created={NowSeconds + offsetSeconds};keyid=\"k\"", MethodLine);

        var result = await Verifier(key).VerifyRequestAsync(request);

        Assert.Equal(expected, result.Failure);
    }

    [Fact]
    public async Task WithoutAMaximumAgeAnOldSignatureIsAccepted()
    {
        using var key = Key();
        using var request = Get();
        AddSignature(request.Headers, "sig1", $"(\"@method\");created={NowSeconds - 86_400};keyid=\"k\"", MethodLine);

        var result = await Verifier(key, noMaxAge: true).VerifyRequestAsync(request);

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public async Task ASignatureWithoutCreatedIsRefusedUnlessCreatedIsOptional()
    {
        using var key = Key();
        using var request = Get();
        AddSignature(request.Headers, "sig1", "(\"@method\");keyid=\"k\"", MethodLine);

        var required = await Verifier(key).VerifyRequestAsync(request);
        var optional = await Verifier(key, requireCreated: false).VerifyRequestAsync(request);

        Assert.Equal(HttpMessageSignatureFailure.MissingCreated, required.Failure);
        Assert.Equal("k", required.KeyId);
        Assert.True(optional.IsValid, optional.ToString());
    }

    [Theory]
    [InlineData(-30, HttpMessageSignatureFailure.None)]
    [InlineData(-31, HttpMessageSignatureFailure.Expired)]
    [InlineData(3_600, HttpMessageSignatureFailure.None)]
    public async Task ExpiresHoldsUntilTheSkewHasPassedToo(int offsetSeconds, HttpMessageSignatureFailure expected)
    {
        using var key = Key();
        using var withCreated = Get();
        AddSignature(withCreated.Headers, "sig1", Params($";expires={NowSeconds + offsetSeconds}"), MethodLine);
        using var withoutCreated = Get();
        AddSignature(withoutCreated.Headers, "sig1", $"(\"@method\");keyid=\"k\";expires={NowSeconds + offsetSeconds}", MethodLine);

        var result = await Verifier(key).VerifyRequestAsync(withCreated);
        var withoutCreatedResult = await Verifier(key, requireCreated: false).VerifyRequestAsync(withoutCreated);

        Assert.Equal(expected, result.Failure);
        Assert.Equal(expected, withoutCreatedResult.Failure);
    }

    [Fact]
    public async Task ASkewOfZeroJudgesByTheVerifierClockAlone()
    {
        using var key = Key();
        var verifier = new HttpMessageSignatureVerifier(new HttpMessageSignatureVerifierOptions
        {
            KeyResolver = _ => key,
            AllowedClockSkew = TimeSpan.Zero,
            MaxAge = TimeSpan.FromSeconds(60),
            TimeProvider = new FakeTimeProvider(Now),
        });

        async Task<HttpMessageSignatureFailure> CheckAsync(string parameters)
        {
            using var request = Get();
            AddSignature(request.Headers, "sig1", parameters, MethodLine);
            return (await verifier.VerifyRequestAsync(request)).Failure;
        }

        Assert.Equal(HttpMessageSignatureFailure.None, await CheckAsync($"(\"@method\");created={NowSeconds};keyid=\"k\";expires={NowSeconds}"));
        Assert.Equal(HttpMessageSignatureFailure.CreatedInFuture, await CheckAsync($"(\"@method\");created={NowSeconds + 1};keyid=\"k\""));
        Assert.Equal(HttpMessageSignatureFailure.None, await CheckAsync($"(\"@method\");created={NowSeconds - 60};keyid=\"k\""));
        Assert.Equal(HttpMessageSignatureFailure.TooOld, await CheckAsync($"(\"@method\");created={NowSeconds - 61};keyid=\"k\""));
        Assert.Equal(HttpMessageSignatureFailure.Expired, await CheckAsync($"(\"@method\");created={NowSeconds};keyid=\"k\";expires={NowSeconds - 1}"));
    }

    [Fact]
    public async Task EveryRequiredComponentMustBeCovered()
    {
        using var key = Key();
        using var request = Get();
        request.Headers.TryAddWithoutValidation("X-Trace", "t-1");
        AddSignature(request.Headers, "sig1", $"(\"@method\" \"x-trace\");created={NowSeconds};keyid=\"k\"", MethodLine + "\"x-trace\": t-1\n");

        var both = await Verifier(key, required: ["X-Trace", "@method"]).VerifyRequestAsync(request);
        var another = await Verifier(key, required: ["@method", "x-trace", "@path"]).VerifyRequestAsync(request);

        Assert.True(both.IsValid, both.ToString());
        Assert.Equal(HttpMessageSignatureFailure.MissingRequiredComponent, another.Failure);
        Assert.Equal("k", another.KeyId);
    }

    [Theory]
    [InlineData("\"x-absent\"")]
    [InlineData("\"@status\"")]
    [InlineData("\"@method\";req")]
    public async Task ACoveredComponentTheRequestCannotGiveIsMissing(string component)
    {
        using var key = Key();
        using var request = Get();
        AddSignature(request.Headers, "sig1", $"({component});created={NowSeconds};keyid=\"k\"", "");

        var result = await Verifier(key).VerifyRequestAsync(request);

        Assert.Equal(HttpMessageSignatureFailure.MissingComponent, result.Failure);
        Assert.Equal("k", result.KeyId);
    }

    [Fact]
    public async Task ACoveredFieldHoldingCharactersASignatureBaseCannotCarryIsMissing()
    {
        using var key = Key();
        using var request = Get();
        request.Headers.TryAddWithoutValidation("X-Name", "Zoë");
        AddSignature(request.Headers, "sig1", $"(\"x-name\");created={NowSeconds};keyid=\"k\"", "\"x-name\": Zo?\n");

        var result = await Verifier(key).VerifyRequestAsync(request);

        Assert.Equal(HttpMessageSignatureFailure.MissingComponent, result.Failure);
    }

    [Fact]
    public async Task ASignatureOverAnotherBaseIsInvalid()
    {
        using var key = Key();
        using var request = Get();
        AddSignature(request.Headers, "sig1", Params(), "\"@method\": POST\n");

        var result = await Verifier(key).VerifyRequestAsync(request);

        Assert.Equal(HttpMessageSignatureFailure.InvalidSignature, result.Failure);
        Assert.Equal("sig1", result.Label);
        Assert.Equal("k", result.KeyId);
        Assert.Equal("Invalid(InvalidSignature, Label=sig1, KeyId=k)", result.ToString());
    }

    [Fact]
    public async Task AResponseComponentWithoutReqIsReadFromTheResponseAndOneWithReqFromItsRequest()
    {
        using var key = Key();
        using var request = Get();
        request.Headers.TryAddWithoutValidation("X-Trace", "from-request");
        using var response = new HttpResponseMessage(HttpStatusCode.Accepted) { RequestMessage = request };
        response.Headers.TryAddWithoutValidation("X-Trace", "from-response");
        AddSignature(
            response.Headers,
            "resp",
            $"(\"@status\" \"x-trace\" \"x-trace\";req \"@path\";req);created={NowSeconds};keyid=\"k\"",
            "\"@status\": 202\n\"x-trace\": from-response\n\"x-trace\";req: from-request\n\"@path\";req: /v1/groups\n");

        var result = await Verifier(key, required: ["@status", "x-trace;req"]).VerifyResponseAsync(response);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal("resp", result.Label);
    }

    [Theory]
    [InlineData("\"@path\"")]
    [InlineData("\"@method\"")]
    [InlineData("\"x-absent\"")]
    public async Task AResponseCannotGiveARequestComponentWithoutReq(string component)
    {
        using var key = Key();
        using var request = Get();
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request };
        AddSignature(response.Headers, "resp", $"({component});created={NowSeconds};keyid=\"k\"", "");

        var result = await Verifier(key).VerifyResponseAsync(response);

        Assert.Equal(HttpMessageSignatureFailure.MissingComponent, result.Failure);
    }

    [Fact]
    public async Task AResponseWithoutItsRequestCannotGiveAReqComponent()
    {
        using var key = Key();
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        AddSignature(response.Headers, "resp", $"(\"@method\";req);created={NowSeconds};keyid=\"k\"", "\"@method\";req: GET\n");

        var result = await Verifier(key).VerifyResponseAsync(response);

        Assert.Equal(HttpMessageSignatureFailure.MissingComponent, result.Failure);
    }

    [Fact]
    public async Task UnknownSignatureParametersOfEveryTypeAreSignedInTheirCanonicalForm()
    {
        using var key = Key();
        using var request = Get();
        var written = $"(\"@method\");created={NowSeconds};keyid=\"k\";nonce=\"n-1\";ext=tok/en;flag;off=?0;bin=:AQID:;n=-7;d=1.50;e=2.0;q=\"a\\\"b\\\\c\"";
        var canonical = $"(\"@method\");created={NowSeconds};keyid=\"k\";nonce=\"n-1\";ext=tok/en;flag;off=?0;bin=:AQID:;n=-7;d=1.5;e=2.0;q=\"a\\\"b\\\\c\"";
        request.Headers.TryAddWithoutValidation("Signature-Input", "sig1=" + written);
        request.Headers.TryAddWithoutValidation("Signature", $"sig1=:{Sign(MethodLine + "\"@signature-params\": " + canonical)}:");

        var result = await Verifier(key).VerifyRequestAsync(request);

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void TheVerifierRefusesOptionsItCannotWorkWith()
    {
        using var key = Key();

        Assert.Throws<ArgumentNullException>(() => new HttpMessageSignatureVerifier(null!));
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new HttpMessageSignatureVerifier(new() { KeyResolver = null! })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new HttpMessageSignatureVerifier(new() { KeyResolver = _ => key, RequiredComponents = null! })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new HttpMessageSignatureVerifier(new() { KeyResolver = _ => key, TimeProvider = null! })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => new HttpMessageSignatureVerifier(new() { KeyResolver = _ => key, AllowedClockSkew = TimeSpan.FromTicks(-1) })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => new HttpMessageSignatureVerifier(new() { KeyResolver = _ => key, MaxAge = TimeSpan.FromTicks(-1) })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => new HttpMessageSignatureVerifier(new() { KeyResolver = _ => key, RequiredComponents = ["@method", "@nope"] })).ParamName);
        Assert.NotNull(new HttpMessageSignatureVerifier(new() { KeyResolver = _ => key, AllowedClockSkew = TimeSpan.Zero, MaxAge = TimeSpan.Zero }));
    }

    [Fact]
    public async Task NoMessageIsNeededToBeRefused()
    {
        using var key = Key();
        var verifier = Verifier(key);

        await Assert.ThrowsAsync<ArgumentNullException>(() => verifier.VerifyRequestAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => verifier.VerifyResponseAsync(null!));
    }

    [Fact]
    public void TheOptionsTextNamesTheirSettings()
    {
        var options = new HttpMessageSignatureVerifierOptions { KeyResolver = _ => null, Label = "sig1", Tag = "ugc", RequiredComponents = ["@method", "@path"] };

        Assert.Equal("HttpMessageSignatureVerifierOptions(Label=sig1, Tag=ugc, RequiredComponents=@method @path, MaxAge=00:05:00, AllowedClockSkew=00:00:30)", options.ToString());
        Assert.True(options.RequireCreated);
        Assert.True(options.VerifyContentDigest);
        Assert.Same(TimeProvider.System, options.TimeProvider);
    }

    // A GET whose Signature-Input and Signature fields are given as is, checked by the default verifier.
    private static async Task<HttpMessageSignatureVerificationResult> VerifyFieldsAsync(string input, string signature)
    {
        using var key = Key();
        using var request = Get();
        request.Headers.TryAddWithoutValidation("Signature-Input", input);
        request.Headers.TryAddWithoutValidation("Signature", signature);
        return await Verifier(key).VerifyRequestAsync(request);
    }

    private static HttpRequestMessage Get() => new(HttpMethod.Get, "https://api.example.com/v1/groups?id=7");
}
