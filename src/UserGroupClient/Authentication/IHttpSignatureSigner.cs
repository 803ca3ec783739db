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

    /// <summary>
    /// Signs into <paramref name="destination"/> without allocating, where the algorithm allows it; <see langword="false"/>
    /// (and nothing written) when the signature does not fit. The default calls <see cref="Sign"/> and copies.
    /// </summary>
    bool TrySign(ReadOnlySpan<byte> signingString, Span<byte> destination, out int bytesWritten)
    {
        var signature = Sign(signingString);
        if (signature.Length > destination.Length)
        {
            bytesWritten = 0;
            return false;
        }

        signature.CopyTo(destination);
        bytesWritten = signature.Length;
        return true;
    }
}
