using System.Text;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Authentication;
using static UserGroupClient.Tests.Authentication.SignedMessages;

namespace UserGroupClient.Tests.Authentication;

/// <summary>
/// The <c>Signature-Input</c> and <c>Signature</c> that <see cref="HttpMessageSignatureHandler"/> sends: the inner list,
/// the created, keyid, alg, expires, nonce and tag parameters in their order, and the options it refuses.
/// </summary>
public sealed class HttpMessageSignatureParameterTests
{
    [Fact]
    public async Task TheDefaultSignatureCoversMethodAuthorityPathAndQueryWithCreatedAndKeyId()
    {
        var (input, signature, signatureBase) = await SignAsync(new HttpMessageSignatureOptions { KeyId = "k", Signer = HttpMessageSigners.HmacSha256(Secret), TimeProvider = new FakeTimeProvider(Now) });

        var parameters = $"(\"@method\" \"@authority\" \"@path\" \"@query\");created={NowSeconds};keyid=\"k\"";
        Assert.Equal("sig1=" + parameters, input);
        Assert.Equal(
            "\"@method\": GET\n\"@authority\": api.example.com\n\"@path\": /v1/groups\n\"@query\": ?id=7\n\"@signature-params\": " + parameters,
            signatureBase);
        Assert.Equal($"sig1=:{Sign(signatureBase)}:", signature);
    }

    [Fact]
    public async Task EveryParameterIsSentInTheFixedOrder()
    {
        var nonces = 0;
        var options = new HttpMessageSignatureOptions
        {
            KeyId = "key \"one\" \\ two",
            Signer = HttpMessageSigners.HmacSha256(Secret),
            Components = ["@method"],
            Label = "*a_b-c.d9",
            IncludeAlgorithm = true,
            Expires = TimeSpan.FromSeconds(90.9),
            Nonce = () => $"n\"{++nonces}\\",
            Tag = "ugc \"app\"",
            TimeProvider = new FakeTimeProvider(Now),
        };

        var (input, signature, signatureBase) = await SignAsync(options);

        var parameters = $"(\"@method\");created={NowSeconds};keyid=\"key \\\"one\\\" \\\\ two\";alg=\"hmac-sha256\";expires={NowSeconds + 90};nonce=\"n\\\"1\\\\\";tag=\"ugc \\\"app\\\"\"";
        Assert.Equal("*a_b-c.d9=" + parameters, input);
        Assert.Equal("\"@method\": GET\n\"@signature-params\": " + parameters, signatureBase);
        Assert.Equal($"*a_b-c.d9=:{Sign(signatureBase)}:", signature);
    }

    [Fact]
    public async Task WithoutCreatedTheParametersStartWithTheKeyId()
    {
        var (input, _, _) = await SignAsync(new HttpMessageSignatureOptions
        {
            KeyId = "k",
            Signer = HttpMessageSigners.HmacSha256(Secret),
            Components = [],
            IncludeCreated = false,
            Expires = TimeSpan.FromSeconds(1),
            TimeProvider = new FakeTimeProvider(Now),
        });

        Assert.Equal($"sig1=();keyid=\"k\";expires={NowSeconds + 1}", input);
    }

    [Fact]
    public async Task EachSignatureAsksForANewNonce()
    {
        var nonces = new Queue<string>(["first", "second"]);
        using var signer = HttpMessageSigners.HmacSha256(Secret);
        using var handler = new HttpMessageSignatureHandler(new HttpMessageSignatureOptions
        {
            KeyId = "k",
            Signer = signer,
            Components = ["@method"],
            Nonce = nonces.Dequeue,
            TimeProvider = new FakeTimeProvider(Now),
        })
        {
            InnerHandler = new CallbackHandler(_ => { }),
        };
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/");

        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();
        var first = request.Headers.GetValues("Signature-Input").Single();
        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();
        var second = request.Headers.GetValues("Signature-Input").Single();

        Assert.EndsWith(";nonce=\"first\"", first, StringComparison.Ordinal);
        Assert.EndsWith(";nonce=\"second\"", second, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("nönce")]
    [InlineData("line\nbreak")]
    public async Task ANonceThatCannotBeSentStopsTheRequest(string? nonce)
    {
        var sent = false;
        using var signer = HttpMessageSigners.HmacSha256(Secret);
        using var handler = new HttpMessageSignatureHandler(new HttpMessageSignatureOptions { KeyId = "k", Signer = signer, Nonce = () => nonce! })
        {
            InnerHandler = new CallbackHandler(_ => sent = true),
        };
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/");

        await Assert.ThrowsAsync<InvalidOperationException>(() => invoker.SendAsync(request, CancellationToken.None));

        Assert.False(sent);
        Assert.False(request.Headers.Contains("Signature"));
    }

    [Fact]
    public async Task ASignatureLargerThanTheStackIsSentWhole()
    {
        using var signer = new WideSigner(700);
        var (input, signature, _) = await SignAsync(new HttpMessageSignatureOptions { KeyId = "k", Signer = signer, Components = ["@method"], TimeProvider = new FakeTimeProvider(Now) });

        Assert.StartsWith("sig1=(\"@method\")", input, StringComparison.Ordinal);
        Assert.Equal($"sig1=:{Convert.ToBase64String(WideSigner.Bytes(700))}:", signature);
    }

    [Theory]
    [InlineData(512)]
    [InlineData(1)]
    [InlineData(383)]
    public async Task ASignatureAsLongAsTheSignerWroteIsSent(int size)
    {
        using var signer = new WideSigner(size);
        var (_, signature, _) = await SignAsync(new HttpMessageSignatureOptions { KeyId = "k", Signer = signer, Components = ["@method"], TimeProvider = new FakeTimeProvider(Now) });

        Assert.Equal($"sig1=:{Convert.ToBase64String(WideSigner.Bytes(size))}:", signature);
    }

    [Fact]
    public async Task ASignatureInputLongerThanTheStackIsSentWhole()
    {
        var names = Enumerable.Range(0, 40).Select(i => $"x-header-number-{i:D2}").ToList();
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/");
        foreach (var name in names)
        {
            request.Headers.TryAddWithoutValidation(name, "v");
        }

        var (input, signature, signatureBase) = await SignAsync(
            new HttpMessageSignatureOptions { KeyId = "k", Signer = HttpMessageSigners.HmacSha256(Secret), Components = names, TimeProvider = new FakeTimeProvider(Now) },
            request);

        var parameters = $"({string.Join(' ', names.Select(n => $"\"{n}\""))});created={NowSeconds};keyid=\"k\"";
        Assert.Equal("sig1=" + parameters, input);
        Assert.Equal(string.Concat(names.Select(n => $"\"{n}\": v\n")) + "\"@signature-params\": " + parameters, signatureBase);
        Assert.Equal($"sig1=:{Sign(signatureBase)}:", signature);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ASignerThatWritesNoSignatureStopsTheRequest(bool reportsSuccess)
    {
        var sent = false;
        using var signer = new RefusingSigner(reportsSuccess);
        using var handler = new HttpMessageSignatureHandler(new HttpMessageSignatureOptions { KeyId = "k", Signer = signer })
        {
            InnerHandler = new CallbackHandler(_ => sent = true),
        };
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => invoker.SendAsync(request, CancellationToken.None));

        Assert.Contains("refusing", error.Message, StringComparison.Ordinal);
        Assert.False(sent);
    }

    [Fact]
    public async Task OwnEarlierLinesAreReplacedAndOthersKeptInTheirOrder()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/");
        request.Headers.TryAddWithoutValidation("Signature-Input", "proxy=();created=1");
        request.Headers.TryAddWithoutValidation("Signature-Input", "sig1=();created=2");
        request.Headers.TryAddWithoutValidation("Signature-Input", "sig10=();created=3");
        request.Headers.TryAddWithoutValidation("Signature", "proxy=:AAAA:");
        request.Headers.TryAddWithoutValidation("Signature", "sig1=:BBBB:");

        var (_, _, _) = await SignAsync(new HttpMessageSignatureOptions { KeyId = "k", Signer = HttpMessageSigners.HmacSha256(Secret), Components = [], TimeProvider = new FakeTimeProvider(Now) }, request);

        var inputs = request.Headers.GetValues("Signature-Input").ToList();
        var signatures = request.Headers.GetValues("Signature").ToList();
        Assert.Equal(["proxy=();created=1", "sig10=();created=3", $"sig1=();created={NowSeconds};keyid=\"k\""], inputs);
        Assert.Equal(2, signatures.Count);
        Assert.Equal("proxy=:AAAA:", signatures[0]);
        Assert.StartsWith("sig1=:", signatures[1], StringComparison.Ordinal);
        Assert.NotEqual("sig1=:BBBB:", signatures[1]);
    }

    [Fact]
    public async Task ALoneEarlierSignatureOfItsOwnIsReplaced()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/");
        request.Headers.TryAddWithoutValidation("Signature-Input", "sig1=();created=2");
        request.Headers.TryAddWithoutValidation("Signature", "sig1=:BBBB:");

        var (input, signature, _) = await SignAsync(new HttpMessageSignatureOptions { KeyId = "k", Signer = HttpMessageSigners.HmacSha256(Secret), Components = [], TimeProvider = new FakeTimeProvider(Now) }, request);

        Assert.Equal(input, Assert.Single(request.Headers.GetValues("Signature-Input")));
        Assert.Equal(signature, Assert.Single(request.Headers.GetValues("Signature")));
    }

    [Fact]
    public void TheHandlerRefusesOptionsItCannotSendWith()
    {
        using var signer = HttpMessageSigners.HmacSha256(Secret);

        Assert.Throws<ArgumentNullException>(() => new HttpMessageSignatureHandler(null!));
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new HttpMessageSignatureHandler(new() { KeyId = "k", Signer = null! })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new HttpMessageSignatureHandler(new() { KeyId = "k", Signer = signer, Components = null! })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new HttpMessageSignatureHandler(new() { KeyId = "k", Signer = signer, TimeProvider = null! })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => new HttpMessageSignatureHandler(new() { KeyId = "", Signer = signer })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => new HttpMessageSignatureHandler(new() { KeyId = null!, Signer = signer })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => new HttpMessageSignatureHandler(new() { KeyId = "kéy", Signer = signer })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => new HttpMessageSignatureHandler(new() { KeyId = "k\u007f", Signer = signer })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => new HttpMessageSignatureHandler(new() { KeyId = "k", Signer = signer, Tag = "täg" })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => new HttpMessageSignatureHandler(new() { KeyId = "k", Signer = signer, Expires = TimeSpan.FromMilliseconds(999) })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => new HttpMessageSignatureHandler(new() { KeyId = "k", Signer = signer, Label = "sig!" })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => new HttpMessageSignatureHandler(new() { KeyId = "k", Signer = signer, Label = null! })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => new HttpMessageSignatureHandler(new() { KeyId = "k", Signer = signer, Label = "-sig" })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => new HttpMessageSignatureHandler(new() { KeyId = "k", Signer = signer, Components = ["@path", "@nope"] })).ParamName);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("*")]
    [InlineData("sig_1-a.b*")]
    public void LabelsThatAreStructuredFieldKeysAreTaken(string label)
    {
        using var signer = HttpMessageSigners.HmacSha256(Secret);

        using var handler = new HttpMessageSignatureHandler(new HttpMessageSignatureOptions { KeyId = "k", Signer = signer, Label = label, Tag = "t", Expires = TimeSpan.FromSeconds(1) });

        Assert.NotNull(handler);
    }

    [Fact]
    public async Task NoRequestIsNeededToBeRefused()
    {
        using var signer = HttpMessageSigners.HmacSha256(Secret);
        using var invoker = new HttpMessageInvoker(new HttpMessageSignatureHandler(new HttpMessageSignatureOptions { KeyId = "k", Signer = signer }) { InnerHandler = new CallbackHandler(_ => { }) });

        await Assert.ThrowsAsync<ArgumentNullException>(() => invoker.SendAsync(null!, CancellationToken.None));
    }

    [Fact]
    public void TheOptionsTextNamesLabelKeyAlgorithmAndComponents()
    {
        using var signer = HttpMessageSigners.HmacSha256(Secret);
        var options = new HttpMessageSignatureOptions { KeyId = "k", Signer = signer };

        Assert.Equal("HttpMessageSignatureOptions(Label=sig1, KeyId=k, Algorithm=hmac-sha256, Components=@method @authority @path @query)", options.ToString());
        Assert.Equal("HttpMessageSignatureOptions(Label=sig1, KeyId=k, Algorithm=, Components=)", new HttpMessageSignatureOptions { KeyId = "k", Signer = null!, Components = null! }.ToString());
        Assert.True(options.IncludeCreated);
        Assert.False(options.IncludeAlgorithm);
        Assert.False(options.AddContentDigest);
        Assert.Equal(ContentDigestAlgorithm.Sha256, options.ContentDigestAlgorithm);
        Assert.Same(TimeProvider.System, options.TimeProvider);
    }

    private static async Task<(string Input, string Signature, string Base)> SignAsync(HttpMessageSignatureOptions options, HttpRequestMessage? request = null)
    {
        using var recording = new RecordingSigner(options.Signer);
        using var handler = new HttpMessageSignatureHandler(new HttpMessageSignatureOptions
        {
            KeyId = options.KeyId,
            Signer = recording,
            Components = options.Components,
            Label = options.Label,
            IncludeCreated = options.IncludeCreated,
            IncludeAlgorithm = options.IncludeAlgorithm,
            Expires = options.Expires,
            Nonce = options.Nonce,
            Tag = options.Tag,
            TimeProvider = options.TimeProvider,
        })
        {
            InnerHandler = new CallbackHandler(_ => { }),
        };
        using var invoker = new HttpMessageInvoker(handler);
        using var owned = request is null ? new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/v1/groups?id=7") : null;
        var sent = request ?? owned!;
        (await invoker.SendAsync(sent, CancellationToken.None)).Dispose();
        var label = options.Label + "=";
        return (
            sent.Headers.GetValues("Signature-Input").Single(v => v.StartsWith(label, StringComparison.Ordinal)),
            sent.Headers.GetValues("Signature").Single(v => v.StartsWith(label, StringComparison.Ordinal)),
            Assert.Single(recording.Bases));
    }

    /// <summary>A signer (an HSM, say) whose signatures are longer than any the SDK's own algorithms make.</summary>
    private sealed class WideSigner(int size) : HttpMessageSigner("wide", size)
    {
        public static byte[] Bytes(int size) => [.. Enumerable.Range(0, size).Select(i => (byte)(i * 7))];

        public override bool TrySign(ReadOnlySpan<byte> signatureBase, Span<byte> destination, out int bytesWritten)
        {
            Bytes(MaxSignatureSize).CopyTo(destination);
            bytesWritten = MaxSignatureSize;
            return true;
        }
    }

    /// <summary>A signer that signs nothing: it fails, or claims success with no bytes.</summary>
    private sealed class RefusingSigner(bool reportsSuccess) : HttpMessageSigner("refusing", 64)
    {
        public override bool TrySign(ReadOnlySpan<byte> signatureBase, Span<byte> destination, out int bytesWritten)
        {
            bytesWritten = 0;
            return reportsSuccess;
        }
    }
}
