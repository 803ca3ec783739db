namespace UserGroupClient.Authentication;

/// <summary>The outcome of <see cref="HttpMessageSignatureVerifier"/>: valid, or why not. Holds no key or signature bytes.</summary>
public sealed class HttpMessageSignatureVerificationResult
{
    internal HttpMessageSignatureVerificationResult(HttpMessageSignatureFailure failure, string? label, string? keyId)
    {
        Failure = failure;
        Label = label;
        KeyId = keyId;
    }

    /// <summary>Whether the signature is valid and met every requirement.</summary>
    public bool IsValid => Failure == HttpMessageSignatureFailure.None;

    /// <summary>Why it was rejected; <see cref="HttpMessageSignatureFailure.None"/> when valid.</summary>
    public HttpMessageSignatureFailure Failure { get; }

    /// <summary>The label of the signature that was checked, when one was found.</summary>
    public string? Label { get; }

    /// <summary>The signature's key id, when it was read.</summary>
    public string? KeyId { get; }

    /// <inheritdoc />
    public override string ToString() => IsValid ? $"Valid(Label={Label}, KeyId={KeyId})" : $"Invalid({Failure}, Label={Label}, KeyId={KeyId})";
}
