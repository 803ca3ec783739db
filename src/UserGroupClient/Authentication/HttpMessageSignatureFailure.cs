namespace UserGroupClient.Authentication;

/// <summary>Why <see cref="HttpMessageSignatureVerifier"/> rejected a message.</summary>
public enum HttpMessageSignatureFailure
{
    /// <summary>The signature is valid.</summary>
    None,

    /// <summary>The message has no <c>Signature-Input</c> or <c>Signature</c> field, or no signature under the wanted label or tag.</summary>
    MissingSignature,

    /// <summary>A signature field, a parameter or a component identifier is malformed or of the wrong type.</summary>
    MalformedSignature,

    /// <summary>The signature names no key id, or one the key resolver does not know.</summary>
    UnknownKey,

    /// <summary>The <c>alg</c> parameter names another algorithm than the key's.</summary>
    AlgorithmMismatch,

    /// <summary>The signature does not cover a component the verifier requires.</summary>
    MissingRequiredComponent,

    /// <summary>A covered component is not in the message, or holds characters a signature base cannot carry.</summary>
    MissingComponent,

    /// <summary>The signature has no <c>created</c> parameter, and one is required.</summary>
    MissingCreated,

    /// <summary><c>created</c> lies further in the future than the allowed clock skew.</summary>
    CreatedInFuture,

    /// <summary><c>created</c> is older than the maximum age (plus the allowed clock skew).</summary>
    TooOld,

    /// <summary><c>expires</c> has passed (beyond the allowed clock skew).</summary>
    Expired,

    /// <summary>The signature does not match the signature base under the key.</summary>
    InvalidSignature,

    /// <summary><c>content-digest</c> is covered but the field does not match the body (or names no sha-256 or sha-512 digest).</summary>
    ContentDigestMismatch,
}
