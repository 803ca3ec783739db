namespace UserGroupClient.Authentication;

/// <summary>The hash of an RFC 9530 <c>Content-Digest</c> field.</summary>
public enum ContentDigestAlgorithm
{
    /// <summary><c>sha-256</c>.</summary>
    Sha256,

    /// <summary><c>sha-512</c>.</summary>
    Sha512,
}
