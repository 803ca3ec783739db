using System.Formats.Asn1;
using System.Security.Cryptography;
using UserGroupClient.Authentication;

namespace UserGroupClient.Tests.Authentication;

/// <summary>
/// PEM text that cannot be the key asked for is refused with an <see cref="ArgumentException"/> naming the parameter:
/// no text at all, and an RSA key under another algorithm's identifier.
/// </summary>
public sealed class PemKeyRefusalTests
{
    // id-ecPublicKey (RFC 5480): an identifier of another algorithm than RSA's.
    private const string EcPublicKeyOid = "1.2.840.10045.2.1";

    [Fact]
    public void NoPemTextIsRefusedAsNull()
    {
        Assert.Throws<ArgumentNullException>("pem", () => HttpMessageSigners.Ed25519FromPem(null!));
        Assert.Throws<ArgumentNullException>("pem", () => HttpMessageSigners.RsaV15Sha256FromPem(null!));
        Assert.Throws<ArgumentNullException>("pem", () => HttpMessageVerificationKeys.EcdsaP256Sha256FromPem(null!));
    }

    [Fact]
    public void AnRsaPrivateKeyUnderAnotherAlgorithmsIdentifierIsRefused()
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(Rfc9421Vectors.Key("test-key-rsa.priv.pem"));
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(EcPublicKeyOid);
            }

            writer.WriteOctetString(rsa.ExportRSAPrivateKey());
        }

        var pem = PemEncoding.WriteString("PRIVATE KEY", writer.Encode());

        var error = Assert.Throws<ArgumentException>(() => HttpMessageSigners.RsaV15Sha256FromPem(pem));

        Assert.Equal("pem", error.ParamName);
        Assert.StartsWith("The PEM text does not hold an RSA private key.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnRsaPublicKeyUnderAnotherAlgorithmsIdentifierIsRefused()
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(Rfc9421Vectors.Key("test-key-rsa.pub.pem"));
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(EcPublicKeyOid);
            }

            writer.WriteBitString(rsa.ExportRSAPublicKey());
        }

        var pem = PemEncoding.WriteString("PUBLIC KEY", writer.Encode());

        var error = Assert.Throws<ArgumentException>(() => HttpMessageVerificationKeys.RsaV15Sha256FromPem(pem));

        Assert.Equal("pem", error.ParamName);
        Assert.StartsWith("The PEM text does not hold an RSA public key.", error.Message, StringComparison.Ordinal);
    }
}
