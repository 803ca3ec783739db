using System.Buffers;
using System.Text;

namespace UserGroupClient.Authentication;

/// <summary>The draft-cavage-12 signing string and <c>Signature</c> parameters for one request.</summary>
internal static class DraftCavageSignature
{
    /// <summary>The pseudo-header that stands for the method and the path with its query.</summary>
    public const string RequestTarget = "(request-target)";

    private const string NotAscii = "A signed header holds non-ASCII characters; HTTP signatures cover ASCII only.";

    /// <summary>
    /// Builds the signing string: one <c>name: value</c> line per listed header, joined by LF, no trailing LF.
    /// <c>(request-target)</c> is the lower-case method, a space, and the path and query exactly as they go on the wire.
    /// </summary>
    /// <exception cref="InvalidOperationException">A listed header is missing or not ASCII.</exception>
    public static string BuildSigningString(HttpRequestMessage request, IReadOnlyList<string> headers)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1024);
        try
        {
            int written;
            while (!TryWriteSigningString(request, headers, buffer, out written))
            {
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            return Encoding.ASCII.GetString(buffer, 0, written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Writes the signing string (see <see cref="BuildSigningString"/>) as ASCII bytes into <paramref name="destination"/>,
    /// so signing needs no intermediate strings; <see langword="false"/> when it does not fit.
    /// </summary>
    /// <exception cref="InvalidOperationException">A listed header is missing or not ASCII.</exception>
    public static bool TryWriteSigningString(HttpRequestMessage request, IReadOnlyList<string> headers, Span<byte> destination, out int written)
    {
        written = 0;
        for (var i = 0; i < headers.Count; i++)
        {
            var name = headers[i];
            if ((i > 0 && !TryAppend("\n", destination, ref written)) || !TryAppend(name, destination, ref written) || !TryAppend(": ", destination, ref written))
            {
                return false;
            }

            if (name == RequestTarget)
            {
                var method = request.Method.Method;
                if (destination.Length - written < method.Length + 1)
                {
                    return false;
                }

                if (Ascii.ToLower(method, destination[written..], out var lowered) != OperationStatus.Done)
                {
                    throw new InvalidOperationException(NotAscii);
                }

                written += lowered;
                destination[written++] = (byte)' ';
                if (!TryAppend(request.RequestUri!.PathAndQuery, destination, ref written))
                {
                    return false;
                }
            }
            else if (!TryAppend(HeaderValue(request, name), destination, ref written))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Formats the <c>Authorization</c> parameters after the <c>Signature</c> scheme word, up to the signature value.</summary>
    public static string FormatParametersPrefix(string keyId, string algorithm, IReadOnlyList<string> headers) =>
        $"keyId=\"{keyId}\",algorithm=\"{algorithm}\",headers=\"{string.Join(' ', headers)}\",signature=\"";

    private static bool TryAppend(string text, Span<byte> destination, ref int written)
    {
        if (destination.Length - written < text.Length)
        {
            return false;
        }

        if (Ascii.FromUtf16(text, destination[written..], out var count) != OperationStatus.Done)
        {
            throw new InvalidOperationException(NotAscii);
        }

        written += count;
        return true;
    }

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
