using System.Text;

namespace UserGroupClient.Authentication;

/// <summary>The draft-cavage-12 signing string and <c>Signature</c> parameters for one request.</summary>
internal static class DraftCavageSignature
{
    /// <summary>The pseudo-header that stands for the method and the path with its query.</summary>
    public const string RequestTarget = "(request-target)";

    /// <summary>
    /// Builds the signing string: one <c>name: value</c> line per listed header, joined by LF, no trailing LF.
    /// <c>(request-target)</c> is the lower-case method, a space, and the path and query exactly as they go on the wire.
    /// </summary>
    /// <exception cref="InvalidOperationException">A listed header is missing or not ASCII.</exception>
    public static string BuildSigningString(HttpRequestMessage request, IReadOnlyList<string> headers)
    {
        var text = new StringBuilder(256);
        for (var i = 0; i < headers.Count; i++)
        {
            if (i > 0)
            {
                text.Append('\n');
            }

            var name = headers[i];
            text.Append(name).Append(": ");
            if (name == RequestTarget)
            {
                text.Append(request.Method.Method.ToLowerInvariant()).Append(' ').Append(request.RequestUri!.PathAndQuery);
            }
            else
            {
                text.Append(HeaderValue(request, name));
            }
        }

        var signingString = text.ToString();
        if (!Ascii.IsValid(signingString))
        {
            throw new InvalidOperationException("A signed header holds non-ASCII characters; HTTP signatures cover ASCII only.");
        }

        return signingString;
    }

    /// <summary>Formats the <c>Authorization</c> parameters after the <c>Signature</c> scheme word.</summary>
    public static string FormatParameters(string keyId, string algorithm, IReadOnlyList<string> headers, string signature) =>
        $"keyId=\"{keyId}\",algorithm=\"{algorithm}\",headers=\"{string.Join(' ', headers)}\",signature=\"{signature}\"";

    private static string HeaderValue(HttpRequestMessage request, string name)
    {
        if (request.Headers.NonValidated.TryGetValues(name, out var values)
            || (request.Content is not null && request.Content.Headers.NonValidated.TryGetValues(name, out values)))
        {
            return values.Count == 1 ? values.ToString() : string.Join(", ", values);
        }

        throw new InvalidOperationException($"The header '{name}' is listed for signing but the request does not have it.");
    }
}
