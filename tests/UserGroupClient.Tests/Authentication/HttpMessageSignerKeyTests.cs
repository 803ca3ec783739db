using System.Security.Cryptography;
using System.Text;
using UserGroupClient.Authentication;

namespace UserGroupClient.Tests.Authentication;

/// <summary>Loading signing and verification keys, and keeping them out of text.</summary>
public sealed class HttpMessageSignerKeyTests
{
    private static readonly byte[] Data = Encoding.ASCII.GetBytes("\"@method\": GET\n\"@signature-params\": (\"@method\")");

    [Fact]
    public void Ed25519FromTheRawSeedSignsAsFromItsPem()
    {
        using var fromSeed = HttpMessageSigners.Ed25519(Rfc9421Vectors.Ed25519Seed());
        using var fromPem = HttpMessageSigners.Ed25519FromPem(Rfc9421Vectors.Key("test-key-ed25519.priv.pem"));

        Assert.Equal(Sign(fromPem), Sign(fromSeed));
        Assert.Equal(64, Sign(fromSeed).Length);
    }

    [Fact]
    public void HmacFromASecretKeyBlockSignsAsFromItsRawBytes()
    {
        var pem = PemEncoding.WriteString("SECRET KEY", Rfc9421Vectors.SharedSecret());
        using var fromBytes = HttpMessageSigners.HmacSha256(Rfc9421Vectors.SharedSecret());
        using var fromPem = HttpMessageSigners.HmacSha256FromPem(pem);
        using var key = HttpMessageVerificationKeys.HmacSha256FromPem(pem);

        Assert.Equal(Sign(fromBytes), Sign(fromPem));
        Assert.True(key.Verify(Data, Sign(fromPem)));
    }

    [Fact]
    public void AnHmacKeyOutsideAFilledSecretKeyBlockIsRefusedNamingWhy()
    {
        var privateKey = Assert.Throws<ArgumentException>("pem", () => HttpMessageSigners.HmacSha256FromPem(Rfc9421Vectors.Key("test-key-ed25519.priv.pem")));
        var empty = Assert.Throws<ArgumentException>("pem", () => HttpMessageVerificationKeys.HmacSha256FromPem("-----BEGIN SECRET KEY-----\n-----END SECRET KEY-----"));

        Assert.Equal("The PEM block is labelled 'PRIVATE KEY'; expected 'SECRET KEY'. (Parameter 'pem')", privateKey.Message);
        Assert.Equal("The SECRET KEY block holds no key. (Parameter 'pem')", empty.Message);
        Assert.Throws<ArgumentException>("pem", () => HttpMessageSigners.HmacSha256FromPem("-----BEGIN SECRET KEY-----\n-----END SECRET KEY-----"));
    }

    [Theory]
    [InlineData("test-key-rsa-pss.priv.pem", "test-key-rsa-pss.pub.pem")]
    [InlineData("test-key-rsa-pss.derived.pkcs8.pem", "test-key-rsa-pss.derived.spki.pem")]
    public void RsaPssKeysLoadWithEitherAlgorithmIdentifier(string privatePem, string publicPem)
    {
        using var signer = HttpMessageSigners.RsaPssSha512FromPem(Rfc9421Vectors.Key(privatePem));
        using var key = HttpMessageVerificationKeys.RsaPssSha512FromPem(Rfc9421Vectors.Key(publicPem));

        Assert.True(key.Verify(Data, Sign(signer)));
    }

    [Theory]
    [InlineData("test-key-ecc-p256.priv.pem")]
    [InlineData("test-key-ecc-p256.derived.pkcs8.pem")]
    public void EcdsaSignaturesAreRawRAndSOf64Bytes(string privatePem)
    {
        using var signer = HttpMessageSigners.EcdsaP256Sha256FromPem(Rfc9421Vectors.Key(privatePem));
        using var key = HttpMessageVerificationKeys.EcdsaP256Sha256FromPem(Rfc9421Vectors.Key("test-key-ecc-p256.pub.pem"));

        var signature = Sign(signer);

        Assert.Equal(64, signature.Length);
        Assert.True(key.Verify(Data, signature));
    }

    [Fact]
    public void SignersFromKeyObjectsLeaveTheKeyToTheCaller()
    {
        using var rsa = RSA.Create(2048);
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using (var pss = HttpMessageSigners.RsaPssSha512(rsa))
        using (var v15 = HttpMessageSigners.RsaV15Sha256(rsa))
        using (var ec = HttpMessageSigners.EcdsaP256Sha256(ecdsa))
        {
            Assert.True(HttpMessageVerificationKeys.RsaPssSha512(rsa).Verify(Data, Sign(pss)));
            Assert.True(HttpMessageVerificationKeys.RsaV15Sha256(rsa).Verify(Data, Sign(v15)));
            Assert.True(HttpMessageVerificationKeys.EcdsaP256Sha256(ecdsa).Verify(Data, Sign(ec)));
        }

        Assert.Equal(256, rsa.SignData(Data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).Length);
    }

    [Fact]
    public void KeysOfTheWrongShapeAreRefused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Throws<ArgumentException>(() => HttpMessageSigners.Ed25519(new byte[31]));
        Assert.Throws<ArgumentException>(() => HttpMessageSigners.HmacSha256([]));
        Assert.Throws<ArgumentException>(() => HttpMessageSigners.EcdsaP256Sha256(p384));
        Assert.Throws<ArgumentException>(() => HttpMessageVerificationKeys.Ed25519(new byte[33]));
    }

    [Theory]
    [InlineData("test-key-rsa.priv.pem")]
    [InlineData("test-key-ecc-p256.priv.pem")]
    public void PemOfAnotherKindIsRefusedWithoutQuotingIt(string pemFile)
    {
        var pem = Rfc9421Vectors.Key(pemFile);
        var keyLine = pem.Split('\n')[1];

        var error = Assert.Throws<ArgumentException>(() => HttpMessageSigners.Ed25519FromPem(pem));

        Assert.DoesNotContain(keyLine, error.ToString(), StringComparison.Ordinal);
        Assert.Equal("pem", error.ParamName);
    }

    [Fact]
    public void PrivateKeyPemIsNotTakenAsAVerificationKey()
    {
        Assert.Throws<ArgumentException>(() => HttpMessageVerificationKeys.RsaV15Sha256FromPem(Rfc9421Vectors.Key("test-key-rsa.priv.pem")));
        Assert.Throws<ArgumentException>(() => HttpMessageVerificationKeys.Ed25519FromPem(Rfc9421Vectors.Key("test-key-ed25519.priv.pem")));
    }

    [Fact]
    public void TextOfSignersKeysAndOptionsNamesTheAlgorithmOnly()
    {
        var secret = Rfc9421Vectors.SharedSecret();
        using var signer = HttpMessageSigners.HmacSha256(secret);
        using var key = HttpMessageVerificationKeys.HmacSha256(secret);
        var options = new HttpMessageSignatureOptions { KeyId = "test-shared-secret", Signer = signer };
        var forbidden = new[] { Convert.ToBase64String(secret), Convert.ToHexString(secret), Convert.ToHexString(secret).ToLowerInvariant(), Encoding.Latin1.GetString(secret) };

        foreach (var text in new[] { signer.ToString(), key.ToString(), options.ToString() })
        {
            Assert.Contains("hmac-sha256", text, StringComparison.Ordinal);
            Assert.All(forbidden, secretText => Assert.DoesNotContain(secretText, text, StringComparison.Ordinal));
        }
    }

    private static byte[] Sign(HttpMessageSigner signer)
    {
        var destination = new byte[signer.MaxSignatureSize];
        Assert.True(signer.TrySign(Data, destination, out var written));
        return destination[..written];
    }
}
