namespace UserGroupClient.Authentication;

/// <summary>
/// Computes the signature over a signing string. <see cref="HmacSha256SignatureSigner"/> ships with the SDK;
/// other algorithms (RSA, ECDSA, an Ed25519 library) plug in by implementing this interface.
/// </summary>
public interface IHttpSignatureSigner
{
    /// <summary>The <c>algorithm</c> parameter value, e.g. <c>hmac-sha256</c>.</summary>
    string Algorithm { get; }

    /// <summary>Signs the ASCII signing string and returns the raw signature bytes.</summary>
    byte[] Sign(ReadOnlySpan<byte> signingString);
}
