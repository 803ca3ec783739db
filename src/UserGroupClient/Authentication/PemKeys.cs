using System.Formats.Asn1;
using System.Security.Cryptography;
using NSec.Cryptography;

namespace UserGroupClient.Authentication;

/// <summary>
/// Reads the keys of <see cref="HttpMessageSigners"/> and <see cref="HttpMessageVerificationKeys"/> from PEM text. Errors
/// name the expected format, never the text.
/// </summary>
internal static class PemKeys
{
    // id-RSASSA-PSS (RFC 4055): RFC 9421's own RSA-PSS example key is labelled with it, and RSA.ImportFromPem refuses it.
    private const string RsaPssOid = "1.2.840.113549.1.1.10";
    private const string P256Oid = "1.2.840.10045.3.1.7";

    public static Key Ed25519PrivateKey(string pem, string paramName)
    {
        var der = Decode(pem, paramName, "PRIVATE KEY");
        try
        {
            // NSec sets the key whenever TryImport returns true, but does not annotate it so.
            return Key.TryImport(SignatureAlgorithm.Ed25519, der, KeyBlobFormat.PkixPrivateKey, out var key)
                ? key!
                : throw new ArgumentException("The PEM text does not hold an Ed25519 private key (PKCS#8, 'PRIVATE KEY').", paramName);
        }
        finally
        // Stryker disable once Block : the DER copy is a local array no caller sees; zeroing it only shortens how long key bytes stay in memory
        {
            // Stryker disable once Statement : the DER copy is a local array no caller sees; zeroing it only shortens how long key bytes stay in memory
            CryptographicOperations.ZeroMemory(der);
        }
    }

    /// <summary>
    /// The raw bytes of a shared secret in a <c>SECRET KEY</c> block, the label tools use for a symmetric key (RFC 7468
    /// registers none): the block's Base64 is the key itself, with no ASN.1 around it.
    /// </summary>
    public static byte[] SecretKey(string pem, string paramName)
    {
        var key = Decode(pem, paramName, "SECRET KEY");
        return key.Length > 0 ? key : throw new ArgumentException("The SECRET KEY block holds no key.", paramName);
    }

    public static PublicKey Ed25519PublicKey(string pem, string paramName)
    {
        var der = Decode(pem, paramName, "PUBLIC KEY");
        // NSec sets the key whenever TryImport returns true, but does not annotate it so.
        return PublicKey.TryImport(SignatureAlgorithm.Ed25519, der, KeyBlobFormat.PkixPublicKey, out var key)
            ? key!
            : throw new ArgumentException("The PEM text does not hold an Ed25519 public key (SubjectPublicKeyInfo, 'PUBLIC KEY').", paramName);
    }

    public static ECDsa EcdsaP256Key(string pem, bool privateKey, string paramName)
    {
        string[] labels = privateKey ? ["EC PRIVATE KEY", "PRIVATE KEY"] : ["PUBLIC KEY"];
        var (label, der) = DecodeAny(pem, paramName, labels);
        var key = ECDsa.Create();
        try
        {
            switch (label)
            {
                case "EC PRIVATE KEY":
                    key.ImportECPrivateKey(der, out _);
                    break;
                case "PRIVATE KEY":
                    key.ImportPkcs8PrivateKey(der, out _);
                    break;
                default:
                    key.ImportSubjectPublicKeyInfo(der, out _);
                    break;
            }

            if (key.ExportParameters(false).Curve.Oid?.Value != P256Oid)
            {
                throw new ArgumentException("The key is not on the P-256 curve.", paramName);
            }

            return key;
        }
        catch (CryptographicException exception)
        {
            // Stryker disable once Statement : the half-imported key is dropped; disposing it only frees native memory sooner
            key.Dispose();
            throw new ArgumentException($"The PEM text does not hold a P-256 {(privateKey ? "private" : "public")} key.", paramName, exception);
        }
        catch
        {
            // Stryker disable once Statement : the refused key is dropped; disposing it only frees native memory sooner
            key.Dispose();
            throw;
        }
        finally
        // Stryker disable once Block : the DER copy is a local array no caller sees; zeroing it only shortens how long key bytes stay in memory
        {
            // Stryker disable once Statement : the DER copy is a local array no caller sees; zeroing it only shortens how long key bytes stay in memory
            CryptographicOperations.ZeroMemory(der);
        }
    }

    public static RSA RsaKey(string pem, bool privateKey, string paramName)
    {
        string[] labels = privateKey ? ["RSA PRIVATE KEY", "PRIVATE KEY"] : ["RSA PUBLIC KEY", "PUBLIC KEY"];
        var (label, der) = DecodeAny(pem, paramName, labels);
        var key = RSA.Create();
        try
        {
            switch (label)
            {
                case "RSA PRIVATE KEY":
                    key.ImportRSAPrivateKey(der, out _);
                    break;
                case "PRIVATE KEY":
                    ImportPkcs8(key, der, paramName);
                    break;
                case "RSA PUBLIC KEY":
                    key.ImportRSAPublicKey(der, out _);
                    break;
                default:
                    ImportSubjectPublicKeyInfo(key, der, paramName);
                    break;
            }

            return key;
        }
        catch (Exception exception) when (exception is CryptographicException or AsnContentException)
        {
            // Stryker disable once Statement : the half-imported key is dropped; disposing it only frees native memory sooner
            key.Dispose();
            throw new ArgumentException($"The PEM text does not hold an RSA {(privateKey ? "private" : "public")} key.", paramName, exception);
        }
        catch
        {
            // Stryker disable once Statement : the refused key is dropped; disposing it only frees native memory sooner
            key.Dispose();
            throw;
        }
        finally
        // Stryker disable once Block : the DER copy is a local array no caller sees; zeroing it only shortens how long key bytes stay in memory
        {
            // Stryker disable once Statement : the DER copy is a local array no caller sees; zeroing it only shortens how long key bytes stay in memory
            CryptographicOperations.ZeroMemory(der);
        }
    }

    // PrivateKeyInfo (RFC 5208): version, AlgorithmIdentifier, OCTET STRING holding the PKCS#1 RSAPrivateKey.
    private static void ImportPkcs8(RSA key, byte[] der, string paramName)
    {
        var info = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        info.ReadInteger();
        if (IsUnrestrictedPss(info.ReadSequence(), paramName))
        {
            var pkcs1 = info.ReadOctetString();
            try
            {
                key.ImportRSAPrivateKey(pkcs1, out _);
            }
            finally
            // Stryker disable once Block : the PKCS#1 copy is a local array no caller sees; zeroing it only shortens how long key bytes stay in memory
            {
                // Stryker disable once Statement : the PKCS#1 copy is a local array no caller sees; zeroing it only shortens how long key bytes stay in memory
                CryptographicOperations.ZeroMemory(pkcs1);
            }
        }
        else
        {
            key.ImportPkcs8PrivateKey(der, out _);
        }
    }

    // SubjectPublicKeyInfo (RFC 5280): AlgorithmIdentifier, BIT STRING holding the PKCS#1 RSAPublicKey.
    private static void ImportSubjectPublicKeyInfo(RSA key, byte[] der, string paramName)
    {
        var info = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        if (IsUnrestrictedPss(info.ReadSequence(), paramName))
        {
            key.ImportRSAPublicKey(info.ReadBitString(out _), out _);
        }
        else
        {
            key.ImportSubjectPublicKeyInfo(der, out _);
        }
    }

    // A PSS key with parameters is bound to a hash and salt length; this SDK does not check them against the
    // algorithm's, so it takes only keys without (RFC 4055 §3.1: any parameters allowed).
    private static bool IsUnrestrictedPss(AsnReader algorithm, string paramName)
    {
        if (algorithm.ReadObjectIdentifier() != RsaPssOid)
        {
            return false;
        }

        if (algorithm.HasData)
        {
            throw new ArgumentException("The RSA-PSS key is restricted to parameters of its own, which is not supported; export it without them (or as rsaEncryption).", paramName);
        }

        return true;
    }

    private static byte[] Decode(string pem, string paramName, string label) => DecodeAny(pem, paramName, [label]).Der;

    private static (string Label, byte[] Der) DecodeAny(string pem, string paramName, string[] labels)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pem, paramName);
        if (!PemEncoding.TryFind(pem, out var fields))
        {
            throw new ArgumentException("The text is not PEM.", paramName);
        }

        var label = pem[fields.Label];
        if (Array.IndexOf(labels, label) < 0)
        {
            throw new ArgumentException($"The PEM block is labelled '{label}'; expected {string.Join(" or ", labels.Select(l => $"'{l}'"))}.", paramName);
        }

        // TryFind has checked the Base64 data and counted its bytes, so it decodes into exactly this array.
        var der = new byte[fields.DecodedDataLength];
        _ = Convert.TryFromBase64Chars(pem.AsSpan()[fields.Base64Data], der, out _);
        return (label, der);
    }
}
