namespace UserGroupClient.Authentication;

/// <summary>
/// Settings of <see cref="HttpSignatureHandler"/> (draft-cavage-12 HTTP signatures in <c>Authorization: Signature …</c>).
/// Read once, when the handler is made.
/// </summary>
public sealed class HttpSignatureOptions
{
    /// <summary>The <c>keyId</c> parameter.</summary>
    public required string KeyId { get; init; }

    /// <summary>
    /// Computes the signature: any <see cref="HttpMessageSigner"/>, from <see cref="HttpMessageSigners"/> or your own. It
    /// also names the <c>algorithm</c> parameter: <c>hmac-sha256</c> for <c>hmac-sha256</c>, <c>rsa-sha256</c> for
    /// <c>rsa-v1_5-sha256</c>, <c>hs2019</c> for <c>ed25519</c>, <c>ecdsa-p256-sha256</c> and <c>rsa-pss-sha512</c> (the
    /// key decides the algorithm, as draft-cavage-12 registers it), and a signer's own
    /// <see cref="HttpMessageSigner.Algorithm"/> otherwise. The handler does not dispose it.
    /// </summary>
    public required HttpMessageSigner Signer { get; init; }

    /// <summary>
    /// What is signed, in order: <c>(request-target)</c>, lower-case header names and, with <c>hs2019</c> only,
    /// <c>(created)</c> (sent as the <c>created</c> parameter) and <c>(expires)</c> (needs <see cref="Expires"/>).
    /// Default <c>(request-target) date</c>. Every listed header must be on the request (the handler adds <c>Date</c>;
    /// <c>host</c> is the request's authority when no <c>Host</c> header is set).
    /// </summary>
    /// <remarks>
    /// Only these lines are signed, never the body: the handler computes no digest of it, and a signed
    /// <c>Digest</c> header protects the body only where the server recomputes it from the body it received.
    /// </remarks>
    public IReadOnlyList<string> Headers { get; init; } = ["(request-target)", "date"];

    /// <summary>
    /// When set (<c>hs2019</c> only), the <c>expires</c> parameter is sent: the signing time plus this, in whole seconds
    /// (at least one). List <c>(expires)</c> in <see cref="Headers"/> to have it signed.
    /// </summary>
    public TimeSpan? Expires { get; init; }

    /// <summary>The clock for the <c>Date</c> header and the <c>created</c> and <c>expires</c> parameters.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <inheritdoc />
    public override string ToString() => $"HttpSignatureOptions(KeyId={KeyId}, Algorithm={Signer?.Algorithm}, Headers={string.Join(' ', Headers ?? [])})";
}
