namespace UserGroupClient.Authentication;

/// <summary>Settings of <see cref="HttpMessageSignatureHandler"/> (RFC 9421 HTTP Message Signatures). Read once, when the handler is made.</summary>
public sealed class HttpMessageSignatureOptions
{
    /// <summary>The <c>keyid</c> parameter: how the server finds the key to verify with.</summary>
    public required string KeyId { get; init; }

    /// <summary>Computes the signature; see <see cref="HttpMessageSigners"/>. The handler does not dispose it.</summary>
    public required HttpMessageSigner Signer { get; init; }

    /// <summary>
    /// The covered components, in order: derived components (<c>@method</c>, <c>@target-uri</c>, <c>@authority</c>,
    /// <c>@scheme</c>, <c>@request-target</c>, <c>@path</c>, <c>@query</c>, <c>@query-param;name="…"</c> with the name
    /// percent-encoded as RFC 9421 §2.2.8 does) and HTTP field names (lower-cased). Default <c>@method @authority @path
    /// @query</c>; may be empty (the signature then covers only its parameters). A covered field the request lacks makes
    /// sending fail before anything goes out.
    /// </summary>
    public IList<string> Components { get; set; } = ["@method", "@authority", "@path", "@query"];

    /// <summary>
    /// Adds an RFC 9530 <c>Content-Digest</c> of the body (of an empty body when there is none), replacing any the
    /// request has. To have it signed, list <c>content-digest</c> in <see cref="Components"/>.
    /// </summary>
    public bool AddContentDigest { get; init; }

    /// <summary>The hash of <see cref="AddContentDigest"/>: <c>sha-256</c> (default) or <c>sha-512</c>.</summary>
    public ContentDigestAlgorithm ContentDigestAlgorithm { get; init; } = ContentDigestAlgorithm.Sha256;

    /// <summary>The signature's label in <c>Signature-Input</c> and <c>Signature</c>; default <c>sig1</c>.</summary>
    public string Label { get; init; } = "sig1";

    /// <summary>Whether the <c>created</c> parameter (the signing time, whole seconds) is sent; default yes.</summary>
    public bool IncludeCreated { get; init; } = true;

    /// <summary>Whether the <c>alg</c> parameter (the signer's algorithm) is sent; default no, as RFC 9421 lets the key decide.</summary>
    public bool IncludeAlgorithm { get; init; }

    /// <summary>When set, the <c>expires</c> parameter is sent: the signing time plus this (whole seconds, at least one).</summary>
    public TimeSpan? Expires { get; init; }

    /// <summary>When set, called for each signature to give its <c>nonce</c> parameter (printable ASCII).</summary>
    public Func<string>? Nonce { get; init; }

    /// <summary>When set, the <c>tag</c> parameter, naming the application or profile the signature is for (printable ASCII).</summary>
    public string? Tag { get; init; }

    /// <summary>The clock for <c>created</c> and <c>expires</c>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <inheritdoc />
    public override string ToString() =>
        $"HttpMessageSignatureOptions(Label={Label}, KeyId={KeyId}, Algorithm={Signer?.Algorithm}, Components={string.Join(' ', Components ?? [])})";
}
