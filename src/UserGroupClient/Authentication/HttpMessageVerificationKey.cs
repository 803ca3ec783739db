namespace UserGroupClient.Authentication;

/// <summary>
/// Checks RFC 9421 signatures of one algorithm with one key, for <see cref="HttpMessageSignatureVerifier"/>. The SDK's
/// keys come from <see cref="HttpMessageVerificationKeys"/>; others plug in by deriving from this class. The key never
/// appears in <see cref="ToString"/> or in exception messages.
/// </summary>
public abstract class HttpMessageVerificationKey : IDisposable
{
    /// <summary>Creates the key.</summary>
    /// <param name="algorithm">The RFC 9421 algorithm name; a signature whose <c>alg</c> parameter names another fails.</param>
    protected HttpMessageVerificationKey(string algorithm)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(algorithm);
        Algorithm = algorithm;
    }

    /// <summary>The RFC 9421 algorithm name, e.g. <c>ed25519</c>.</summary>
    public string Algorithm { get; }

    /// <summary>Whether <paramref name="signature"/> is this key's signature of <paramref name="signatureBase"/>.</summary>
    public abstract bool Verify(ReadOnlySpan<byte> signatureBase, ReadOnlySpan<byte> signature);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        // Stryker disable once Statement : no key in the SDK has a finalizer, so there is none to suppress
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the key when this object owns it.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <inheritdoc />
    public override string ToString() => $"HttpMessageVerificationKey({Algorithm})";
}
