using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text;
using UserGroupClient.Authentication;

namespace UserGroupClient.Tests.Authentication;

/// <summary>
/// The RFC 9421 signers and verification keys: their algorithm names and sizes, the keys and PEM texts they refuse
/// (naming the expected format, never the text), and who disposes a key.
/// </summary>
public sealed class SigningKeyLifetimeTests
{
    private static readonly byte[] Data = "\"@method\": GET\n\"@signature-params\": (\"@method\")"u8.ToArray();

    [Fact]
    public void EachSignerAndKeyNamesItsAlgorithmAndSignatureSize()
    {
        using var rsa = RSA.Create(2048);
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ed25519 = HttpMessageSigners.Ed25519(Rfc9421Vectors.Ed25519Seed());
        using var hmac = HttpMessageSigners.HmacSha256([1]);
        using var ec = HttpMessageSigners.EcdsaP256Sha256(ecdsa);
        using var pss = HttpMessageSigners.RsaPssSha512(rsa);
        using var v15 = HttpMessageSigners.RsaV15Sha256(rsa);

        Assert.Equal(("ed25519", 64), (ed25519.Algorithm, ed25519.MaxSignatureSize));
        Assert.Equal(("hmac-sha256", 32), (hmac.Algorithm, hmac.MaxSignatureSize));
        Assert.Equal(("ecdsa-p256-sha256", 64), (ec.Algorithm, ec.MaxSignatureSize));
        Assert.Equal(("rsa-pss-sha512", 256), (pss.Algorithm, pss.MaxSignatureSize));
        Assert.Equal(("rsa-v1_5-sha256", 256), (v15.Algorithm, v15.MaxSignatureSize));
        Assert.Equal("HttpMessageSigner(rsa-pss-sha512)", pss.ToString());
        Assert.Equal("ed25519", Rfc9421Vectors.VerificationKey("test-key-ed25519").Algorithm);
        Assert.Equal("ecdsa-p256-sha256", HttpMessageVerificationKeys.EcdsaP256Sha256(ecdsa).Algorithm);
        Assert.Equal("rsa-pss-sha512", HttpMessageVerificationKeys.RsaPssSha512(rsa).Algorithm);
        Assert.Equal("rsa-v1_5-sha256", HttpMessageVerificationKeys.RsaV15Sha256(rsa).Algorithm);
        Assert.Equal("HttpMessageVerificationKey(hmac-sha256)", HttpMessageVerificationKeys.HmacSha256([1]).ToString());
    }

    [Fact]
    public void TheTwoRsaAlgorithmsDoNotVerifyEachOther()
    {
        using var rsa = RSA.Create(2048);
        using var pss = HttpMessageSigners.RsaPssSha512(rsa);
        using var v15 = HttpMessageSigners.RsaV15Sha256(rsa);

        var pssSignature = Sign(pss);
        var v15Signature = Sign(v15);

        Assert.True(rsa.VerifyData(Data, pssSignature, HashAlgorithmName.SHA512, RSASignaturePadding.Pss));
        Assert.True(rsa.VerifyData(Data, v15Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.False(HttpMessageVerificationKeys.RsaV15Sha256(rsa).Verify(Data, pssSignature));
        Assert.False(HttpMessageVerificationKeys.RsaPssSha512(rsa).Verify(Data, v15Signature));
    }

    [Fact]
    public void EveryKeyRejectsASignatureOfOtherData()
    {
        var other = "\"@method\": PUT\n"u8.ToArray();
        foreach (var id in new[] { "test-key-ed25519", "test-shared-secret", "test-key-ecc-p256", "test-key-rsa-pss", "test-key-rsa" })
        {
            using var signer = Rfc9421Vectors.Signer(id);
            using var key = Rfc9421Vectors.VerificationKey(id);
            var signature = Sign(signer);

            Assert.True(key.Verify(Data, signature), id);
            Assert.False(key.Verify(other, signature), id);
            Assert.False(key.Verify(Data, signature.AsSpan()[..^1]), id);
        }
    }

    [Fact]
    public void SignersRefuseADestinationTooSmall()
    {
        foreach (var id in new[] { "test-key-ed25519", "test-key-ecc-p256", "test-key-rsa" })
        {
            using var signer = Rfc9421Vectors.Signer(id);
            var destination = new byte[signer.MaxSignatureSize - 1];

            Assert.False(signer.TrySign(Data, destination, out var written), id);
            Assert.Equal(0, written);
        }

        using var ed25519 = Rfc9421Vectors.Signer("test-key-ed25519");
        var tooSmall = new byte[63];
        Assert.False(ed25519.TrySign(Data, tooSmall, out _));
        Assert.All(tooSmall, b => Assert.Equal(0, b));
    }

    [Fact]
    public void SignersAndKeysMadeFromPemOwnTheirKey()
    {
        var ed25519 = Rfc9421Vectors.Signer("test-key-ed25519");
        var ecdsa = Rfc9421Vectors.Signer("test-key-ecc-p256");
        var rsa = Rfc9421Vectors.Signer("test-key-rsa");
        var rsaPss = Rfc9421Vectors.Signer("test-key-rsa-pss");
        var ecdsaKey = Rfc9421Vectors.VerificationKey("test-key-ecc-p256");
        var rsaKey = Rfc9421Vectors.VerificationKey("test-key-rsa");
        var rsaPssKey = Rfc9421Vectors.VerificationKey("test-key-rsa-pss");

        ed25519.Dispose();
        ecdsa.Dispose();
        rsa.Dispose();
        rsaPss.Dispose();
        ecdsaKey.Dispose();
        rsaKey.Dispose();
        rsaPssKey.Dispose();

        Assert.Throws<ObjectDisposedException>(() => Sign(ed25519));
        Assert.Throws<ObjectDisposedException>(() => Sign(ecdsa));
        Assert.Throws<ObjectDisposedException>(() => Sign(rsa));
        Assert.Throws<ObjectDisposedException>(() => Sign(rsaPss));
        Assert.Throws<ObjectDisposedException>(() => ecdsaKey.Verify(Data, new byte[64]));
        Assert.Throws<ObjectDisposedException>(() => rsaKey.Verify(Data, new byte[256]));
        Assert.Throws<ObjectDisposedException>(() => rsaPssKey.Verify(Data, new byte[256]));
    }

    [Fact]
    public void KeysMadeFromKeyObjectsLeaveThemToTheCaller()
    {
        using var rsa = RSA.Create(2048);
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        HttpMessageVerificationKeys.RsaPssSha512(rsa).Dispose();
        HttpMessageVerificationKeys.RsaV15Sha256(rsa).Dispose();
        HttpMessageVerificationKeys.EcdsaP256Sha256(ecdsa).Dispose();
        HttpMessageSigners.EcdsaP256Sha256(ecdsa).Dispose();

        Assert.Equal(64, ecdsa.SignData(Data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation).Length);
        Assert.Equal(256, rsa.SignData(Data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).Length);
    }

    [Fact]
    public void DisposedHmacKeysNoLongerSignOrVerifyWithTheSecret()
    {
        var secret = Rfc9421Vectors.SharedSecret();
        var signer = HttpMessageSigners.HmacSha256(secret);
        var key = HttpMessageVerificationKeys.HmacSha256(secret);
        var signature = Sign(signer);

        signer.Dispose();
        key.Dispose();

        Assert.True(HMACSHA256.HashData(secret, Data).AsSpan().SequenceEqual(signature));
        Assert.False(Sign(signer).AsSpan().SequenceEqual(signature));
        Assert.False(key.Verify(Data, signature));
    }

    [Fact]
    public void KeyObjectsOfTheWrongKindAreRefusedByName()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Equal("seed", Assert.Throws<ArgumentException>(() => HttpMessageSigners.Ed25519(new byte[33])).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentException>(() => HttpMessageSigners.HmacSha256([])).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentException>(() => HttpMessageVerificationKeys.HmacSha256([])).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentException>(() => HttpMessageVerificationKeys.EcdsaP256Sha256(p384)).ParamName);
        Assert.Equal("publicKey", Assert.Throws<ArgumentException>(() => HttpMessageVerificationKeys.Ed25519(new byte[31])).ParamName);
        Assert.Throws<ArgumentNullException>(() => HttpMessageSigners.EcdsaP256Sha256(null!));
        Assert.Throws<ArgumentNullException>(() => HttpMessageSigners.RsaPssSha512(null!));
        Assert.Throws<ArgumentNullException>(() => HttpMessageSigners.RsaV15Sha256(null!));
        Assert.Throws<ArgumentNullException>(() => HttpMessageVerificationKeys.EcdsaP256Sha256(null!));
        Assert.Throws<ArgumentNullException>(() => HttpMessageVerificationKeys.RsaPssSha512(null!));
        Assert.Throws<ArgumentNullException>(() => HttpMessageVerificationKeys.RsaV15Sha256(null!));
    }

    [Fact]
    public void AnEd25519PublicKeyFromItsRawBytesVerifies()
    {
        var spki = PemEncoding.Find(Rfc9421Vectors.Key("test-key-ed25519.pub.pem"));
        var der = Convert.FromBase64String(Rfc9421Vectors.Key("test-key-ed25519.pub.pem")[spki.Base64Data]);
        using var signer = Rfc9421Vectors.Signer("test-key-ed25519");
        using var key = HttpMessageVerificationKeys.Ed25519(der.AsSpan()[^32..]);

        Assert.True(key.Verify(Data, Sign(signer)));
    }

    [Theory]
    [InlineData("Ed25519FromPem", "test-key-ed25519.pub.pem", "The PEM block is labelled 'PUBLIC KEY'; expected 'PRIVATE KEY'.")]
    [InlineData("Ed25519FromPem", "test-key-rsa.derived.pkcs8.pem", "The PEM text does not hold an Ed25519 private key (PKCS#8, 'PRIVATE KEY').")]
    [InlineData("Ed25519Key", "test-key-rsa.derived.spki.pem", "The PEM text does not hold an Ed25519 public key (SubjectPublicKeyInfo, 'PUBLIC KEY').")]
    [InlineData("EcdsaFromPem", "test-key-rsa.derived.pkcs8.pem", "The PEM text does not hold a P-256 private key.")]
    [InlineData("EcdsaKey", "test-key-rsa.derived.spki.pem", "The PEM text does not hold a P-256 public key.")]
    [InlineData("EcdsaKey", "test-key-ecc-p256.priv.pem", "The PEM block is labelled 'EC PRIVATE KEY'; expected 'PUBLIC KEY'.")]
    [InlineData("RsaPssFromPem", "test-key-ecc-p256.derived.pkcs8.pem", "The PEM text does not hold an RSA private key.")]
    [InlineData("RsaV15FromPem", "test-key-ecc-p256.priv.pem", "The PEM block is labelled 'EC PRIVATE KEY'; expected 'RSA PRIVATE KEY' or 'PRIVATE KEY'.")]
    [InlineData("RsaV15Key", "test-key-ecc-p256.derived.spki.pem", "The PEM text does not hold an RSA public key.")]
    [InlineData("RsaPssKey", "test-key-rsa.priv.pem", "The PEM block is labelled 'RSA PRIVATE KEY'; expected 'RSA PUBLIC KEY' or 'PUBLIC KEY'.")]
    public void PemOfAnotherKeyIsRefusedNamingTheExpectedFormat(string factory, string file, string message)
    {
        var pem = Rfc9421Vectors.Key(file);

        var error = Assert.Throws<ArgumentException>(() => Load(factory, pem));

        Assert.Equal(message + " (Parameter 'pem')", error.Message);
        Assert.Equal("pem", error.ParamName);
    }

    [Theory]
    [InlineData("EcdsaFromPem", "EC PRIVATE KEY", "P-256 private")]
    [InlineData("EcdsaFromPem", "PRIVATE KEY", "P-256 private")]
    [InlineData("EcdsaKey", "PUBLIC KEY", "P-256 public")]
    [InlineData("RsaV15FromPem", "RSA PRIVATE KEY", "RSA private")]
    [InlineData("RsaV15FromPem", "PRIVATE KEY", "RSA private")]
    [InlineData("RsaPssKey", "RSA PUBLIC KEY", "RSA public")]
    [InlineData("RsaPssKey", "PUBLIC KEY", "RSA public")]
    public void PemWhoseContentIsNotAKeyIsRefused(string factory, string label, string kind)
    {
        var pem = PemEncoding.WriteString(label, Encoding.ASCII.GetBytes("not a key, only text in base64"));

        var error = Assert.Throws<ArgumentException>(() => Load(factory, pem));

        Assert.Equal($"The PEM text does not hold a{(kind.StartsWith('R') ? "n" : "")} {kind} key. (Parameter 'pem')", error.Message);
        Assert.NotNull(error.InnerException);
    }

    [Theory]
    [InlineData("RsaV15FromPem")]
    [InlineData("EcdsaKey")]
    [InlineData("Ed25519FromPem")]
    public void TextThatIsNotPemIsRefused(string factory)
    {
        Assert.Equal("The text is not PEM. (Parameter 'pem')", Assert.Throws<ArgumentException>(() => Load(factory, "MIIB not pem at all")).Message);
        Assert.Equal("pem", Assert.ThrowsAny<ArgumentException>(() => Load(factory, " ")).ParamName);
    }

    [Fact]
    public void AP384KeyIsNotTakenForP256()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        var privateError = Assert.Throws<ArgumentException>(() => HttpMessageSigners.EcdsaP256Sha256FromPem(p384.ExportECPrivateKeyPem()));
        var publicError = Assert.Throws<ArgumentException>(() => HttpMessageVerificationKeys.EcdsaP256Sha256FromPem(p384.ExportSubjectPublicKeyInfoPem()));

        Assert.Equal("The key is not on the P-256 curve. (Parameter 'pem')", privateError.Message);
        Assert.Equal("The key is not on the P-256 curve. (Parameter 'pem')", publicError.Message);
    }

    [Fact]
    public void AnRsaPssKeyRestrictedToParametersIsRefusedAndOneWithoutThemSigns()
    {
        using var rsa = RSA.Create(2048);
        var restrictedPrivate = PemEncoding.WriteString("PRIVATE KEY", PrivateKeyInfo(rsa, withParameters: true));
        var restrictedPublic = PemEncoding.WriteString("PUBLIC KEY", SubjectPublicKeyInfo(rsa, withParameters: true));
        using var signer = HttpMessageSigners.RsaPssSha512FromPem(PemEncoding.WriteString("PRIVATE KEY", PrivateKeyInfo(rsa, withParameters: false)));
        using var key = HttpMessageVerificationKeys.RsaPssSha512FromPem(PemEncoding.WriteString("PUBLIC KEY", SubjectPublicKeyInfo(rsa, withParameters: false)));

        var privateError = Assert.Throws<ArgumentException>(() => HttpMessageSigners.RsaPssSha512FromPem(restrictedPrivate));
        var publicError = Assert.Throws<ArgumentException>(() => HttpMessageVerificationKeys.RsaPssSha512FromPem(restrictedPublic));

        Assert.Contains("restricted to parameters", privateError.Message, StringComparison.Ordinal);
        Assert.Contains("restricted to parameters", publicError.Message, StringComparison.Ordinal);
        Assert.True(key.Verify(Data, Sign(signer)));
        Assert.True(rsa.VerifyData(Data, Sign(signer), HashAlgorithmName.SHA512, RSASignaturePadding.Pss));
    }

    [Fact]
    public void CustomSignersAndKeysMustNameAnAlgorithmAndASize()
    {
        Assert.Throws<ArgumentException>(() => new CustomSigner(" ", 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CustomSigner("custom", 0));
        Assert.Throws<ArgumentException>(() => new CustomKey(""));
        using var signer = new CustomSigner("custom", 1);
        using var key = new CustomKey("custom");

        Assert.Equal("HttpMessageSigner(custom)", signer.ToString());
        Assert.Equal("HttpMessageVerificationKey(custom)", key.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("sécret")]
    public void AnAccessKeySecretMustBeAscii(string secret) =>
        Assert.Equal("secret", Assert.ThrowsAny<ArgumentException>(() => HmacSha256SignatureSigner.FromAsciiSecret(secret)).ParamName);

    private static object Load(string factory, string pem) => factory switch
    {
        "Ed25519FromPem" => HttpMessageSigners.Ed25519FromPem(pem),
        "Ed25519Key" => HttpMessageVerificationKeys.Ed25519FromPem(pem),
        "EcdsaFromPem" => HttpMessageSigners.EcdsaP256Sha256FromPem(pem),
        "EcdsaKey" => HttpMessageVerificationKeys.EcdsaP256Sha256FromPem(pem),
        "RsaPssFromPem" => HttpMessageSigners.RsaPssSha512FromPem(pem),
        "RsaV15FromPem" => HttpMessageSigners.RsaV15Sha256FromPem(pem),
        "RsaPssKey" => HttpMessageVerificationKeys.RsaPssSha512FromPem(pem),
        "RsaV15Key" => HttpMessageVerificationKeys.RsaV15Sha256FromPem(pem),
        _ => throw new ArgumentOutOfRangeException(nameof(factory)),
    };

    // PrivateKeyInfo with the id-RSASSA-PSS identifier, with or without (empty) PSS parameters.
    private static byte[] PrivateKeyInfo(RSA rsa, bool withParameters)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            WritePssIdentifier(writer, withParameters);
            writer.WriteOctetString(rsa.ExportRSAPrivateKey());
        }

        return writer.Encode();
    }

    private static byte[] SubjectPublicKeyInfo(RSA rsa, bool withParameters)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            WritePssIdentifier(writer, withParameters);
            writer.WriteBitString(rsa.ExportRSAPublicKey());
        }

        return writer.Encode();
    }

    private static void WritePssIdentifier(AsnWriter writer, bool withParameters)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier("1.2.840.113549.1.1.10");
            if (withParameters)
            {
                using (writer.PushSequence())
                {
                }
            }
        }
    }

    private static byte[] Sign(HttpMessageSigner signer)
    {
        var destination = new byte[signer.MaxSignatureSize];
        Assert.True(signer.TrySign(Data, destination, out var written));
        return destination[..written];
    }

    private sealed class CustomSigner(string algorithm, int size) : HttpMessageSigner(algorithm, size)
    {
        public override bool TrySign(ReadOnlySpan<byte> signatureBase, Span<byte> destination, out int bytesWritten)
        {
            bytesWritten = 0;
            return false;
        }
    }

    private sealed class CustomKey(string algorithm) : HttpMessageVerificationKey(algorithm)
    {
        public override bool Verify(ReadOnlySpan<byte> signatureBase, ReadOnlySpan<byte> signature) => false;
    }
}
