using System.Security.Cryptography;
using NSec.Cryptography;

namespace UserGroupClient.Authentication;

/// <summary>
/// The keys <see cref="HttpMessageSignatureVerifier"/> checks RFC 9421 §3.3 signatures with, one per algorithm, from key
/// objects or from PEM text. A key made from PEM owns what it imported (dispose it); one made from an <see cref="ECDsa"/>
/// or <see cref="RSA"/> object leaves its disposal to the caller.
/// </summary>
public static class HttpMessageVerificationKeys
{
    private const int Ed25519PublicKeySize = 32;

    /// <summary>An <c>ed25519</c> key from the 32-byte public key (RFC 8032 §5.1.5).</summary>
    /// <exception cref="ArgumentException">The public key is not 32 bytes or not a valid point.</exception>
    public static HttpMessageVerificationKey Ed25519(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != Ed25519PublicKeySize
            || !PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var key) || key is null)
        {
            throw new ArgumentException("An Ed25519 public key has 32 bytes.", nameof(publicKey));
        }

        return new Ed25519VerificationKey(key);
    }

    /// <summary>An <c>ed25519</c> key from a SubjectPublicKeyInfo PEM block (<c>-----BEGIN PUBLIC KEY-----</c>).</summary>
    /// <exception cref="ArgumentException">The text does not hold an Ed25519 public key.</exception>
    public static HttpMessageVerificationKey Ed25519FromPem(string pem) => new Ed25519VerificationKey(PemKeys.Ed25519PublicKey(pem, nameof(pem)));

    /// <summary>An <c>hmac-sha256</c> key: the shared secret's raw bytes, copied.</summary>
    /// <exception cref="ArgumentException">The key is empty.</exception>
    public static HttpMessageVerificationKey HmacSha256(ReadOnlySpan<byte> key)
    {
        if (key.IsEmpty)
        {
            throw new ArgumentException("The HMAC key must not be empty.", nameof(key));
        }

        return new HmacSha256VerificationKey(key.ToArray());
    }

    /// <summary>An <c>hmac-sha256</c> key from a <c>-----BEGIN SECRET KEY-----</c> block, as <see cref="HttpMessageSigners.HmacSha256FromPem"/> takes it.</summary>
    /// <exception cref="ArgumentException">The text is not such a block, or the block is empty.</exception>
    public static HttpMessageVerificationKey HmacSha256FromPem(string pem) => new HmacSha256VerificationKey(PemKeys.SecretKey(pem, nameof(pem)));

    /// <summary>An <c>ecdsa-p256-sha256</c> key (signatures as raw <c>r‖s</c>).</summary>
    /// <param name="key">A P-256 key (its public part is used); the caller keeps it alive and disposes it.</param>
    /// <exception cref="ArgumentException">The key is not on a 256-bit curve.</exception>
    public static HttpMessageVerificationKey EcdsaP256Sha256(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.KeySize != 256)
        {
            throw new ArgumentException("ecdsa-p256-sha256 needs a P-256 key.", nameof(key));
        }

        return new EcdsaP256VerificationKey(key, ownsKey: false);
    }

    /// <summary>An <c>ecdsa-p256-sha256</c> key from a SubjectPublicKeyInfo PEM block (<c>PUBLIC KEY</c>).</summary>
    /// <exception cref="ArgumentException">The text does not hold a P-256 public key.</exception>
    public static HttpMessageVerificationKey EcdsaP256Sha256FromPem(string pem) => new EcdsaP256VerificationKey(PemKeys.EcdsaP256Key(pem, privateKey: false, nameof(pem)), ownsKey: true);

    /// <summary>An <c>rsa-pss-sha512</c> key.</summary>
    /// <param name="key">An RSA key (its public part is used); the caller keeps it alive and disposes it.</param>
    public static HttpMessageVerificationKey RsaPssSha512(RSA key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new RsaVerificationKey(key, ownsKey: false, RsaMessageScheme.PssSha512);
    }

    /// <summary>
    /// An <c>rsa-pss-sha512</c> key from PEM: PKCS#1 (<c>RSA PUBLIC KEY</c>) or SubjectPublicKeyInfo (<c>PUBLIC KEY</c>,
    /// with the <c>rsaEncryption</c> or the <c>id-RSASSA-PSS</c> identifier without PSS parameters).
    /// </summary>
    /// <exception cref="ArgumentException">The text does not hold an RSA public key.</exception>
    public static HttpMessageVerificationKey RsaPssSha512FromPem(string pem) => new RsaVerificationKey(PemKeys.RsaKey(pem, privateKey: false, nameof(pem)), ownsKey: true, RsaMessageScheme.PssSha512);

    /// <summary>An <c>rsa-v1_5-sha256</c> key.</summary>
    /// <param name="key">An RSA key (its public part is used); the caller keeps it alive and disposes it.</param>
    public static HttpMessageVerificationKey RsaV15Sha256(RSA key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new RsaVerificationKey(key, ownsKey: false, RsaMessageScheme.Pkcs1Sha256);
    }

    /// <summary>An <c>rsa-v1_5-sha256</c> key from PEM, in the forms <see cref="RsaPssSha512FromPem"/> takes.</summary>
    /// <exception cref="ArgumentException">The text does not hold an RSA public key.</exception>
    public static HttpMessageVerificationKey RsaV15Sha256FromPem(string pem) => new RsaVerificationKey(PemKeys.RsaKey(pem, privateKey: false, nameof(pem)), ownsKey: true, RsaMessageScheme.Pkcs1Sha256);
}
