namespace UserGroupClient.Authentication;

/// <summary>Settings of <see cref="HttpMessageSignatureVerifier"/>. Read once, when the verifier is made.</summary>
public sealed class HttpMessageSignatureVerifierOptions
{
    /// <summary>
    /// Finds the key for a <c>keyid</c>; <see langword="null"/> when the id is unknown (the signature then fails). The
    /// verifier does not dispose the keys.
    /// </summary>
    public required Func<string, HttpMessageVerificationKey?> KeyResolver { get; init; }

    /// <summary>
    /// Components every accepted signature must cover, written as in <see cref="HttpMessageSignatureOptions.Components"/>
    /// (plus <c>@status</c> and the <c>req</c> parameter for responses). Default none.
    /// </summary>
    public IList<string> RequiredComponents { get; set; } = [];

    /// <summary>When set, only the signature under this label is checked; otherwise the first one (with <see cref="Tag"/>, when set).</summary>
    public string? Label { get; init; }

    /// <summary>When set, only a signature whose <c>tag</c> parameter is this is accepted.</summary>
    public string? Tag { get; init; }

    /// <summary>Whether a signature without <c>created</c> is rejected; default yes.</summary>
    public bool RequireCreated { get; init; } = true;

    /// <summary>How old <c>created</c> may be; default 5 minutes; <see langword="null"/> for no limit.</summary>
    public TimeSpan? MaxAge { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How far the signer's clock may differ from <see cref="TimeProvider"/>'s, for <c>created</c> and <c>expires</c>; default 30 seconds.</summary>
    public TimeSpan AllowedClockSkew { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether a covered <c>content-digest</c> is checked against the body (buffered for the check, so the application
    /// can still read it); default yes. Signing the field alone proves nothing about the body.
    /// </summary>
    public bool VerifyContentDigest { get; init; } = true;

    /// <summary>The clock that <c>created</c> and <c>expires</c> are judged by.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <inheritdoc />
    public override string ToString() =>
        $"HttpMessageSignatureVerifierOptions(Label={Label}, Tag={Tag}, RequiredComponents={string.Join(' ', RequiredComponents ?? [])}, MaxAge={MaxAge}, AllowedClockSkew={AllowedClockSkew})";
}
