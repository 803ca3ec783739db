namespace UserGroupClient.Authentication;

/// <summary>
/// Computes RFC 9421 signatures over a signature base for <see cref="HttpMessageSignatureHandler"/>. The SDK's signers
/// come from <see cref="HttpMessageSigners"/>; another algorithm or a key held elsewhere (an HSM, a key vault) plugs in
/// by deriving from this class. The key never appears in <see cref="ToString"/> or in exception messages.
/// </summary>
public abstract class HttpMessageSigner : IDisposable
{
    /// <summary>Creates the signer.</summary>
    /// <param name="algorithm">The RFC 9421 algorithm name, written as the <c>alg</c> parameter when asked for.</param>
    /// <param name="maxSignatureSize">The most bytes a signature can take, so callers can size the destination.</param>
    protected HttpMessageSigner(string algorithm, int maxSignatureSize)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(algorithm);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSignatureSize);
        Algorithm = algorithm;
        MaxSignatureSize = maxSignatureSize;
    }

    /// <summary>The RFC 9421 algorithm name, e.g. <c>ed25519</c> or <c>hmac-sha256</c>.</summary>
    public string Algorithm { get; }

    /// <summary>The most bytes a signature can take.</summary>
    public int MaxSignatureSize { get; }

    /// <summary>
    /// Signs <paramref name="signatureBase"/> into <paramref name="destination"/>; <see langword="false"/>, with nothing
    /// written, when it does not fit (a destination of <see cref="MaxSignatureSize"/> bytes always does).
    /// </summary>
    public abstract bool TrySign(ReadOnlySpan<byte> signatureBase, Span<byte> destination, out int bytesWritten);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        // Stryker disable once Statement : no signer in the SDK has a finalizer, so there is none to suppress
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the key when the signer owns it.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <inheritdoc />
    public override string ToString() => $"HttpMessageSigner({Algorithm})";
}
