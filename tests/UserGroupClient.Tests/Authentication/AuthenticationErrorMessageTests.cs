using System.Security.Cryptography;
using UserGroupClient.Authentication;

namespace UserGroupClient.Tests.Authentication;

/// <summary>
/// The messages of the errors the signing and credential types raise: each says what is wrong in words a caller can
/// act on (and never quotes a value that may be secret).
/// </summary>
public sealed class AuthenticationErrorMessageTests
{
    [Theory]
    [InlineData("", "sig1", null, 0, "The key id must be non-empty printable ASCII.")]
    [InlineData("k", "Sig1", null, 0, "The label must be a structured-field key: a lower-case letter or '*', then lower-case letters, digits, '_', '-', '.' or '*'.")]
    [InlineData("k", "sig1", "täg", 0, "The tag must be printable ASCII.")]
    [InlineData("k", "sig1", null, 500, "Expires must be at least one second.")]
    public void HandlerSettingsItCannotSendWithAreNamed(string keyId, string label, string? tag, int expiresMilliseconds, string message)
    {
        using var signer = HttpMessageSigners.HmacSha256([1]);

        var error = Assert.Throws<ArgumentException>(() => new HttpMessageSignatureHandler(new HttpMessageSignatureOptions
        {
            KeyId = keyId,
            Signer = signer,
            Label = label,
            Tag = tag,
            Expires = expiresMilliseconds == 0 ? null : TimeSpan.FromMilliseconds(expiresMilliseconds),
        }));

        Assert.Equal(message + " (Parameter 'options')", error.Message);
    }

    [Theory]
    [InlineData("@status", "The component \"@status\" belongs to responses; a request cannot be signed over it.")]
    [InlineData("@method;req", "The component \"@method\";req belongs to responses; a request cannot be signed over it.")]
    [InlineData("@nope", "'@nope' is not a derived component this SDK knows.")]
    [InlineData("@Method", "'@Method' is not a derived component this SDK knows.")]
    [InlineData(";req", "'' is not an HTTP field name.")]
    [InlineData("bad name", "'bad name' is not an HTTP field name.")]
    [InlineData("@query-param", "@query-param needs its name parameter, e.g. @query-param;name=\"id\".")]
    [InlineData("@path;name=\"a\"", "The component '@path;name=\"a\"' has the parameter 'name', which is not supported here (supported: name on @query-param, req).")]
    [InlineData("\"@path", "'\"@path' is not a component identifier.")]
    [InlineData("?1", "'?1' is not an HTTP field name.")]
    [InlineData(" ", "A component identifier cannot be empty.")]
    public void ComponentsTheHandlerCannotSignAreNamed(string component, string message)
    {
        using var signer = HttpMessageSigners.HmacSha256([1]);

        var error = Assert.Throws<ArgumentException>(() => new HttpMessageSignatureHandler(new HttpMessageSignatureOptions { KeyId = "k", Signer = signer, Components = [component] }));

        Assert.Equal(message + " (Parameter 'options')", error.Message);
        Assert.Equal("options", error.ParamName);
    }

    [Fact]
    public void AComponentListedTwiceIsNamed()
    {
        using var signer = HttpMessageSigners.HmacSha256([1]);

        var error = Assert.Throws<ArgumentException>(() => new HttpMessageSignatureHandler(new HttpMessageSignatureOptions { KeyId = "k", Signer = signer, Components = ["@path", "@path"] }));

        Assert.Equal("The component \"@path\" is listed twice. (Parameter 'options')", error.Message);
    }

    [Theory]
    [InlineData("https://api.example.com/?id=1&id=2", "@query-param;name=\"id\"", null, "The query parameter named in @query-param;name=\"id\" appears more than once.")]
    [InlineData("https://api.example.com/?other=1", "@query-param;name=\"id\"", null, "The query has no parameter named in @query-param;name=\"id\".")]
    [InlineData("https://api.example.com/", "x-missing", null, "The component \"x-missing\" is covered but the message has no such field.")]
    [InlineData("/relative", "@path", null, "The request has no absolute URI, so its derived components cannot be signed or verified.")]
    [InlineData("https://api.example.com/", "x-name", "Zoë", "A covered component holds a character outside printable ASCII, which a signature base cannot carry.")]
    public async Task RequestsTheHandlerCannotSignAreRefusedWithTheReason(string uri, string component, string? header, string message)
    {
        using var signer = HttpMessageSigners.HmacSha256([1]);
        using var handler = new HttpMessageSignatureHandler(new HttpMessageSignatureOptions { KeyId = "k", Signer = signer, Components = [component] })
        {
            InnerHandler = new CallbackHandler(_ => { }),
        };
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(uri, UriKind.RelativeOrAbsolute));
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Name", header);
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => invoker.SendAsync(request, CancellationToken.None));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("", "The nonce callback returned an empty nonce.")]
    [InlineData("nönce", "A signature parameter holds a character outside printable ASCII.")]
    public async Task ANonceThatCannotBeSentIsNamed(string nonce, string message)
    {
        using var signer = HttpMessageSigners.HmacSha256([1]);
        using var invoker = new HttpMessageInvoker(new HttpMessageSignatureHandler(new HttpMessageSignatureOptions { KeyId = "k", Signer = signer, Nonce = () => nonce })
        {
            InnerHandler = new CallbackHandler(_ => { }),
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => invoker.SendAsync(request, CancellationToken.None));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task ADigestAlgorithmThatIsNoneIsNamed()
    {
        using var signer = HttpMessageSigners.HmacSha256([1]);
        using var invoker = new HttpMessageInvoker(new HttpMessageSignatureHandler(new HttpMessageSignatureOptions
        {
            KeyId = "k",
            Signer = signer,
            AddContentDigest = true,
            ContentDigestAlgorithm = (ContentDigestAlgorithm)9,
        })
        {
            InnerHandler = new CallbackHandler(_ => { }),
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/");

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => invoker.SendAsync(request, CancellationToken.None));

        Assert.StartsWith("Not a Content-Digest algorithm.", error.Message, StringComparison.Ordinal);
        Assert.Equal("algorithm", error.ParamName);
    }

    [Fact]
    public void VerifierSettingsItCannotWorkWithAreNamed()
    {
        using var key = HttpMessageVerificationKeys.HmacSha256([1]);

        var negative = Assert.Throws<ArgumentException>(() => new HttpMessageSignatureVerifier(new() { KeyResolver = _ => key, MaxAge = TimeSpan.FromSeconds(-1) }));
        var unknown = Assert.Throws<ArgumentException>(() => new HttpMessageSignatureVerifier(new() { KeyResolver = _ => key, RequiredComponents = ["@nope"] }));

        Assert.Equal("The clock skew and the maximum age cannot be negative. (Parameter 'options')", negative.Message);
        Assert.Equal("'@nope' is not a derived component this SDK knows. (Parameter 'options')", unknown.Message);
        Assert.IsType<ArgumentException>(unknown.InnerException);
    }

    [Fact]
    public void KeysOfTheWrongShapeAreNamed()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Equal("An Ed25519 private key seed has 32 bytes. (Parameter 'seed')", Assert.Throws<ArgumentException>(() => HttpMessageSigners.Ed25519(new byte[1])).Message);
        Assert.Equal("An Ed25519 public key has 32 bytes. (Parameter 'publicKey')", Assert.Throws<ArgumentException>(() => HttpMessageVerificationKeys.Ed25519(new byte[1])).Message);
        Assert.Equal("The HMAC key must not be empty. (Parameter 'key')", Assert.Throws<ArgumentException>(() => HttpMessageSigners.HmacSha256([])).Message);
        Assert.Equal("The HMAC key must not be empty. (Parameter 'key')", Assert.Throws<ArgumentException>(() => HttpMessageVerificationKeys.HmacSha256([])).Message);
        Assert.Equal("ecdsa-p256-sha256 needs a P-256 key. (Parameter 'key')", Assert.Throws<ArgumentException>(() => HttpMessageSigners.EcdsaP256Sha256(p384)).Message);
        Assert.Equal("ecdsa-p256-sha256 needs a P-256 key. (Parameter 'key')", Assert.Throws<ArgumentException>(() => HttpMessageVerificationKeys.EcdsaP256Sha256(p384)).Message);
        Assert.Equal("The secret must be ASCII. (Parameter 'secret')", Assert.Throws<ArgumentException>(() => HmacSha256SignatureSigner.FromAsciiSecret("sécret")).Message);
        Assert.Equal("A Basic user name cannot contain ':'. (Parameter 'userName')", Assert.Throws<ArgumentException>(() => new BasicAuthenticationHandler("a:b", "pw")).Message);
    }
}
