using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using UserGroupClient.Authentication;

namespace UserGroupClient.Tests.Authentication;

/// <summary>
/// A signing key read from a credentials section (<c>Algorithm</c> and <c>PrivateKeyPem</c> or <c>PrivateKeyBase64</c>)
/// signs so that the matching public key verifies, for every algorithm and form; what cannot be used fails naming its
/// key, without its value.
/// </summary>
public sealed class SigningKeyConfigurationTests
{
    private static readonly byte[] Message = "(request-target): get /api/v1/users/groups/"u8.ToArray();

    [Theory]
    [InlineData("ed25519", "test-key-ed25519", "test-key-ed25519.priv.pem")]
    [InlineData("ecdsa-p256-sha256", "test-key-ecc-p256", "test-key-ecc-p256.priv.pem")]
    [InlineData("ecdsa-p256-sha256", "test-key-ecc-p256", "test-key-ecc-p256.derived.pkcs8.pem")]
    [InlineData("rsa-pss-sha512", "test-key-rsa-pss", "test-key-rsa-pss.priv.pem")]
    [InlineData("rsa-v1_5-sha256", "test-key-rsa", "test-key-rsa.priv.pem")]
    public void APemKeySignsForItsPublicKey(string algorithm, string keyId, string file)
    {
        var secrets = new List<string>();

        using var signer = Section(("Algorithm", algorithm), ("PrivateKeyPem", Rfc9421Vectors.Key(file))).Signer(secrets);

        AssertVerifies(signer, keyId);
        Assert.Equal([Rfc9421Vectors.Key(file)], secrets);
    }

    [Theory]
    [InlineData("ed25519", "test-key-ed25519")]
    [InlineData("ecdsa-p256-sha256", "test-key-ecc-p256")]
    [InlineData("rsa-pss-sha512", "test-key-rsa-pss")]
    [InlineData("rsa-v1_5-sha256", "test-key-rsa")]
    public void ABase64KeyIsTheEd25519SeedOrThePkcs8Der(string algorithm, string keyId)
    {
        var base64 = algorithm == "ed25519"
            ? Convert.ToBase64String(Rfc9421Vectors.Ed25519Seed())
            : string.Concat(Rfc9421Vectors.Key($"{keyId}.derived.pkcs8.pem").Split('\n').Where(line => !line.StartsWith("-----", StringComparison.Ordinal)));

        using var signer = Section(("Algorithm", algorithm), ("PrivateKeyBase64", base64)).Signer([]);

        AssertVerifies(signer, keyId);
    }

    [Fact]
    public void AnHmacKeyIsItsRawBytesInBase64AndTheDefaultAlgorithm()
    {
        using var signer = Section(("PrivateKeyBase64", Convert.ToBase64String(Rfc9421Vectors.SharedSecret()))).Signer([]);

        Assert.Equal("hmac-sha256", signer.Algorithm);
        AssertVerifies(signer, "test-shared-secret");
    }

    [Theory]
    [InlineData("PrivateKeyBase64", "not base64 at all: sk-live-8812", "Backends:jms:Credentials:PrivateKeyBase64 is not a valid ed25519 private key")]
    [InlineData("PrivateKeyBase64", "c2stbGl2ZS04ODEy", "Backends:jms:Credentials:PrivateKeyBase64 is not a valid ed25519 private key")]
    [InlineData("PrivateKeyPem", "-----BEGIN PRIVATE KEY-----\nc2stbGl2ZS04ODEy\n-----END PRIVATE KEY-----", "Backends:jms:Credentials:PrivateKeyPem is not a valid ed25519 private key")]
    public void AKeyThatIsNotOneNamesItsKeyAndNeverItsValue(string name, string value, string expected)
    {
        var refused = Assert.Throws<ArgumentException>(() => Section(("Algorithm", "ed25519"), (name, value)).Signer([]));

        Assert.Equal($"User-group client 'jms': {expected}.", refused.Message);
        Assert.Null(refused.InnerException);
        Assert.DoesNotContain("c2stbGl2ZS04ODEy", refused.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("8812", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownAlgorithmNamesItsKeyAndTheKnownOnes()
    {
        var refused = Assert.Throws<ArgumentException>(() => Section(("Algorithm", "hmac-md5-sk-live"), ("PrivateKeyBase64", "AAAA")).Signer([]));

        Assert.Equal("User-group client 'jms': Backends:jms:Credentials:Algorithm is not one of hmac-sha256, ed25519, ecdsa-p256-sha256, rsa-pss-sha512, rsa-v1_5-sha256.", refused.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void NoKeyOrTwoKeysAreRefused(bool both)
    {
        var section = both ? Section(("PrivateKeyBase64", "AAAA"), ("PrivateKeyPem", "-----BEGIN PRIVATE KEY-----")) : Section(("Algorithm", "hmac-sha256"));

        var refused = Assert.Throws<ArgumentException>(() => section.Signer([]));

        Assert.Equal(
            "User-group client 'jms': Exactly one of Backends:jms:Credentials:PrivateKeyPem and Backends:jms:Credentials:PrivateKeyBase64 is required for credentials of type Signature.",
            refused.Message);
    }

    [Fact]
    public void AnHmacKeyInPemIsItsSecretKeyBlock()
    {
        var pem = PemEncoding.WriteString("SECRET KEY", Rfc9421Vectors.SharedSecret());
        var secrets = new List<string>();

        using var signer = Section(("PrivateKeyPem", pem)).Signer(secrets);

        AssertVerifies(signer, "test-shared-secret");
        Assert.Equal([pem], secrets);
    }

    [Fact]
    public void APrivateKeyGivenForHmacIsRefusedAsNoSharedSecret()
    {
        var refused = Assert.Throws<ArgumentException>(() => Section(("PrivateKeyPem", Rfc9421Vectors.Key("test-key-ed25519.priv.pem"))).Signer([]));

        Assert.Equal("User-group client 'jms': Backends:jms:Credentials:PrivateKeyPem is not a valid hmac-sha256 shared secret.", refused.Message);
    }

    private static CredentialsSection Section(params (string Name, string Value)[] values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>($"Backends:jms:Credentials:{v.Name}", v.Value)))
            .Build();
        return new CredentialsSection(configuration.GetSection("Backends:jms:Credentials"), "jms", "Signature");
    }

    private static void AssertVerifies(HttpMessageSigner signer, string keyId)
    {
        var signature = new byte[signer.MaxSignatureSize];
        Assert.True(signer.TrySign(Message, signature, out var written));
        using var key = Rfc9421Vectors.VerificationKey(keyId);
        Assert.True(key.Verify(Message, signature.AsSpan(0, written)));
        Assert.False(key.Verify("(request-target): get /other/"u8, signature.AsSpan(0, written)));
    }
}
