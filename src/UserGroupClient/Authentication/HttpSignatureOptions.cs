namespace UserGroupClient.Authentication;

/// <summary>Settings of <see cref="HttpSignatureHandler"/> (draft-cavage HTTP signatures in <c>Authorization: Signature …</c>).</summary>
public sealed class HttpSignatureOptions
{
    /// <summary>The <c>keyId</c> parameter.</summary>
    public required string KeyId { get; init; }

    /// <summary>Computes the signature.</summary>
    public required IHttpSignatureSigner Signer { get; init; }

    /// <summary>
    /// What is signed, in order: <c>(request-target)</c> and lower-case header names. Default
    /// <c>(request-target) date</c>. Every listed header must be on the request (the handler adds <c>Date</c>).
    /// </summary>
    /// <remarks>
    /// Only these lines are signed, never the body: the handler computes no digest of it, and a signed
    /// <c>Digest</c> header protects the body only where the server recomputes it from the body it received.
    /// </remarks>
    public IReadOnlyList<string> Headers { get; init; } = ["(request-target)", "date"];

    /// <summary>The clock for the <c>Date</c> header.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <inheritdoc />
    public override string ToString() => $"HttpSignatureOptions(KeyId={KeyId}, Algorithm={Signer?.Algorithm}, Headers={string.Join(' ', Headers)})";
}
