using System.Security.Cryptography;
using NSec.Cryptography;

namespace UserGroupClient.Authentication;

/// <summary>
/// The RFC 9421 §3.3 signers: <c>ed25519</c>, <c>hmac-sha256</c>, <c>ecdsa-p256-sha256</c>, <c>rsa-pss-sha512</c> and
/// <c>rsa-v1_5-sha256</c>, from key objects or from PEM text. A signer made from PEM owns its key (dispose the signer);
/// one made from an <see cref="ECDsa"/> or <see cref="RSA"/> object uses it and leaves its disposal to the caller.
/// </summary>
public static class HttpMessageSigners
{
    private const int Ed25519SeedSize = 32;

    /// <summary>An <c>ed25519</c> signer (NSec).</summary>
    /// <param name="seed">The 32-byte private key seed (RFC 8032 §5.1.5).</param>
    /// <exception cref="ArgumentException">The seed is not 32 bytes.</exception>
    public static HttpMessageSigner Ed25519(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != Ed25519SeedSize)
        {
            throw new ArgumentException("An Ed25519 private key seed has 32 bytes.", nameof(seed));
        }

        return new Ed25519MessageSigner(Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey));
    }

    /// <summary>An <c>ed25519</c> signer whose key is a PKCS#8 PEM block (<c>-----BEGIN PRIVATE KEY-----</c>).</summary>
    /// <exception cref="ArgumentException">The text does not hold an Ed25519 private key.</exception>
    public static HttpMessageSigner Ed25519FromPem(string pem) => new Ed25519MessageSigner(PemKeys.Ed25519PrivateKey(pem, nameof(pem)));

    /// <summary>An <c>hmac-sha256</c> signer.</summary>
    /// <param name="key">The shared secret's raw bytes (decode a Base64 secret first), copied.</param>
    /// <exception cref="ArgumentException">The key is empty.</exception>
    public static HttpMessageSigner HmacSha256(ReadOnlySpan<byte> key) => new HmacSha256SignatureSigner(key);

    /// <summary>
    /// An <c>hmac-sha256</c> signer whose shared secret is a <c>-----BEGIN SECRET KEY-----</c> block: the Base64 of the
    /// key's raw bytes between the armor lines (RFC 7468 names no label for a symmetric key; this is the one in use).
    /// </summary>
    /// <exception cref="ArgumentException">The text is not such a block, or the block is empty.</exception>
    public static HttpMessageSigner HmacSha256FromPem(string pem)
    {
        var key = PemKeys.SecretKey(pem, nameof(pem));
        try
        {
            return new HmacSha256SignatureSigner(key);
        }
        finally
        // Stryker disable once Block : the decoded copy is a local array no caller sees (the signer copies it); zeroing it only shortens how long key bytes stay in memory
        {
            // Stryker disable once Statement : the decoded copy is a local array no caller sees (the signer copies it); zeroing it only shortens how long key bytes stay in memory
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>An <c>ecdsa-p256-sha256</c> signer: signatures are raw <c>r‖s</c> (IEEE P1363), 64 bytes.</summary>
    /// <param name="key">A P-256 private key; the caller keeps it alive and disposes it.</param>
    /// <exception cref="ArgumentException">The key is not on a 256-bit curve.</exception>
    public static HttpMessageSigner EcdsaP256Sha256(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.KeySize != 256)
        {
            throw new ArgumentException("ecdsa-p256-sha256 needs a P-256 key.", nameof(key));
        }

        return new EcdsaP256MessageSigner(key, ownsKey: false);
    }

    /// <summary>An <c>ecdsa-p256-sha256</c> signer whose key is PEM: SEC1 (<c>EC PRIVATE KEY</c>) or PKCS#8 (<c>PRIVATE KEY</c>).</summary>
    /// <exception cref="ArgumentException">The text does not hold a P-256 private key.</exception>
    public static HttpMessageSigner EcdsaP256Sha256FromPem(string pem) => new EcdsaP256MessageSigner(PemKeys.EcdsaP256Key(pem, privateKey: true, nameof(pem)), ownsKey: true);

    /// <summary>An <c>rsa-pss-sha512</c> signer (RSASSA-PSS, SHA-512, MGF1-SHA-512, 64-byte salt).</summary>
    /// <param name="key">An RSA private key; the caller keeps it alive and disposes it.</param>
    public static HttpMessageSigner RsaPssSha512(RSA key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new RsaMessageSigner(key, ownsKey: false, RsaMessageScheme.PssSha512);
    }

    /// <summary>
    /// An <c>rsa-pss-sha512</c> signer whose key is PEM: PKCS#1 (<c>RSA PRIVATE KEY</c>) or PKCS#8 (<c>PRIVATE KEY</c>),
    /// with the <c>rsaEncryption</c> or the <c>id-RSASSA-PSS</c> identifier (without PSS parameters), which
    /// <see cref="AsymmetricAlgorithm.ImportFromPem"/> refuses.
    /// </summary>
    /// <exception cref="ArgumentException">The text does not hold an RSA private key.</exception>
    public static HttpMessageSigner RsaPssSha512FromPem(string pem) => new RsaMessageSigner(PemKeys.RsaKey(pem, privateKey: true, nameof(pem)), ownsKey: true, RsaMessageScheme.PssSha512);

    /// <summary>An <c>rsa-v1_5-sha256</c> signer (RSASSA-PKCS1-v1_5 with SHA-256).</summary>
    /// <param name="key">An RSA private key; the caller keeps it alive and disposes it.</param>
    public static HttpMessageSigner RsaV15Sha256(RSA key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new RsaMessageSigner(key, ownsKey: false, RsaMessageScheme.Pkcs1Sha256);
    }

    /// <summary>An <c>rsa-v1_5-sha256</c> signer whose key is PEM, in the forms <see cref="RsaPssSha512FromPem"/> takes.</summary>
    /// <exception cref="ArgumentException">The text does not hold an RSA private key.</exception>
    public static HttpMessageSigner RsaV15Sha256FromPem(string pem) => new RsaMessageSigner(PemKeys.RsaKey(pem, privateKey: true, nameof(pem)), ownsKey: true, RsaMessageScheme.Pkcs1Sha256);
}
