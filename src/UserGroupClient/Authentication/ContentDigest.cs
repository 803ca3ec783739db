using System.Security.Cryptography;

namespace UserGroupClient.Authentication;

/// <summary>
/// RFC 9530 <c>Content-Digest</c>: <c>sha-256=:&lt;base64&gt;:</c> over the body's bytes as sent (after any content
/// coding). The body is buffered first where it could not be read twice, so reading it for the digest does not take it
/// from the send (or from the application, on a received message).
/// </summary>
internal static class ContentDigest
{
    public const string FieldName = "Content-Digest";

    /// <summary>The field value for <paramref name="content"/> (an absent body digests as empty).</summary>
    public static async ValueTask<string> ComputeAsync(HttpContent? content, ContentDigestAlgorithm algorithm, CancellationToken cancellationToken)
    {
        var digest = await HashAsync(content, algorithm, cancellationToken).ConfigureAwait(false);
        return $"{Name(algorithm)}=:{Convert.ToBase64String(digest)}:";
    }

    /// <summary>
    /// Whether the received <c>Content-Digest</c> value matches the body: every sha-256 or sha-512 member must, and at
    /// least one must be there (other algorithms are ignored; RFC 9530 deprecates them).
    /// </summary>
    public static async ValueTask<bool> MatchesAsync(string fieldValue, HttpContent? content, CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, StructuredMember>> members;
        try
        {
            members = StructuredFieldParser.ParseDictionary(fieldValue);
        }
        catch (FormatException)
        {
            return false;
        }

        var checkedAny = false;
        foreach (var (name, member) in members)
        {
            ContentDigestAlgorithm algorithm;
            switch (name)
            {
                case "sha-256":
                    algorithm = ContentDigestAlgorithm.Sha256;
                    break;
                case "sha-512":
                    algorithm = ContentDigestAlgorithm.Sha512;
                    break;
                default:
                    continue;
            }

            var actual = await HashAsync(content, algorithm, cancellationToken).ConfigureAwait(false);
            if (member.Value is not byte[] expected || !CryptographicOperations.FixedTimeEquals(expected, actual))
            {
                return false;
            }

            checkedAny = true;
        }

        return checkedAny;
    }

    private static string Name(ContentDigestAlgorithm algorithm) => algorithm switch
    {
        ContentDigestAlgorithm.Sha256 => "sha-256",
        ContentDigestAlgorithm.Sha512 => "sha-512",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not a Content-Digest algorithm."),
    };

    private static async ValueTask<byte[]> HashAsync(HttpContent? content, ContentDigestAlgorithm algorithm, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(algorithm == ContentDigestAlgorithm.Sha512 ? HashAlgorithmName.SHA512 : HashAlgorithmName.SHA256);
        if (content is not null)
        {
            if (content is not ByteArrayContent)
            {
                // A byte array is sent again from the array; anything else is read once, so it is kept in memory first.
                await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            }

            var sink = new HashingStream(hash);
            await using (sink.ConfigureAwait(false))
            {
                await content.CopyToAsync(sink, cancellationToken).ConfigureAwait(false);
            }
        }

        return hash.GetHashAndReset();
    }
}
