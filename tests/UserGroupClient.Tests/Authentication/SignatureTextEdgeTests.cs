using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Authentication;
using static UserGroupClient.Tests.Authentication.SignedMessages;

namespace UserGroupClient.Tests.Authentication;

/// <summary>
/// The edges of the text a signature carries: the characters a key id, nonce or label may hold, the settings' own text,
/// and the keys a verifier takes for a label.
/// </summary>
public sealed class SignatureTextEdgeTests
{
    [Fact]
    public async Task SpacesAndTildesAtTheEdgesOfPrintableAsciiAreSentInKeyIdNonceAndTag()
    {
        using var signer = HttpMessageSigners.HmacSha256(Secret);
        using var handler = new HttpMessageSignatureHandler(new HttpMessageSignatureOptions
        {
            KeyId = "~ key ~",
            Signer = signer,
            Components = [],
            IncludeCreated = false,
            Nonce = () => " ~",
            Tag = "~ ",
        })
        {
            InnerHandler = new CallbackHandler(_ => { }),
        };
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/");

        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        Assert.Equal("sig1=();keyid=\"~ key ~\";nonce=\" ~\";tag=\"~ \"", request.Headers.GetValues("Signature-Input").Single());
    }

    [Theory]
    [InlineData("*sig")]
    [InlineData("s1g_-.*")]
    public async Task TheVerifierReadsEveryLabelTheHandlerCanWrite(string label)
    {
        using var key = Key();
        using var signer = HttpMessageSigners.HmacSha256(Secret);
        using var handler = new HttpMessageSignatureHandler(new HttpMessageSignatureOptions { KeyId = KeyId, Signer = signer, Label = label, TimeProvider = new FakeTimeProvider(Now) })
        {
            InnerHandler = new CallbackHandler(_ => { }),
        };
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/v1?x=1");
        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        var result = await Verifier(key, label: label).VerifyRequestAsync(request);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(label, result.Label);
    }

    [Fact]
    public async Task ADecimalWithTwoPointsIsMalformed()
    {
        using var key = Key();
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/");
        request.Headers.TryAddWithoutValidation("Signature-Input", $"sig1=();created={NowSeconds};keyid=\"k\";d=1.2.3");
        request.Headers.TryAddWithoutValidation("Signature", "sig1=:AAAA:");

        var result = await Verifier(key).VerifyRequestAsync(request);

        Assert.Equal(HttpMessageSignatureFailure.MalformedSignature, result.Failure);
        Assert.Null(result.Label);
    }

    [Fact]
    public void SettingsTextShowsNoListWhenThereIsNone()
    {
        var verifierOptions = new HttpMessageSignatureVerifierOptions { KeyResolver = _ => null, RequiredComponents = null!, MaxAge = null };
        using var signer = HttpMessageSigners.HmacSha256(Secret);
        var cavage = new HttpSignatureOptions { KeyId = "ak", Signer = signer };
        var cavageWithout = new HttpSignatureOptions { KeyId = "ak", Signer = null!, Headers = null! };

        Assert.Equal("HttpMessageSignatureVerifierOptions(Label=, Tag=, RequiredComponents=, MaxAge=, AllowedClockSkew=00:00:30)", verifierOptions.ToString());
        Assert.Equal("HttpSignatureOptions(KeyId=ak, Algorithm=hmac-sha256, Headers=(request-target) date)", cavage.ToString());
        Assert.Equal("HttpSignatureOptions(KeyId=ak, Algorithm=, Headers=)", cavageWithout.ToString());
        Assert.Null(cavage.Expires);
        Assert.Same(TimeProvider.System, cavage.TimeProvider);
    }
}
