using System.Buffers;
using System.Text;

namespace UserGroupClient.Authentication;

/// <summary>The draft-cavage-12 signing string, <c>algorithm</c> name and <c>Signature</c> parameters for one request.</summary>
internal static class DraftCavageSignature
{
    /// <summary>The pseudo-header that stands for the method and the path with its query.</summary>
    public const string RequestTarget = "(request-target)";

    /// <summary>The pseudo-header that stands for the <c>created</c> parameter (<c>hs2019</c> only).</summary>
    public const string Created = "(created)";

    /// <summary>The pseudo-header that stands for the <c>expires</c> parameter (<c>hs2019</c> only).</summary>
    public const string Expires = "(expires)";

    /// <summary>The algorithm name draft-cavage-12 registers for every algorithm whose kind the key decides.</summary>
    public const string Hs2019 = "hs2019";

    private const string NotAscii = "A signed header holds non-ASCII characters; HTTP signatures cover ASCII only.";

    /// <summary>
    /// The <c>algorithm</c> parameter for a signer: the names draft-cavage registered for the two algorithms both
    /// schemes share (<c>hmac-sha256</c>, and <c>rsa-sha256</c> for <c>rsa-v1_5-sha256</c>), <c>hs2019</c> for the other
    /// RFC 9421 algorithms, whose kind draft-cavage-12 leaves to the key, and a custom signer's own name otherwise.
    /// </summary>
    public static string AlgorithmOf(HttpMessageSigner signer) => signer.Algorithm switch
    {
        "rsa-v1_5-sha256" => "rsa-sha256",
        "ed25519" or "ecdsa-p256-sha256" or "rsa-pss-sha512" => Hs2019,
        var name => name,
    };

    /// <summary>
    /// Builds the signing string: one <c>name: value</c> line per listed header, joined by LF, no trailing LF.
    /// <c>(request-target)</c> is the lower-case method, a space, and the path and query exactly as they go on the wire.
    /// </summary>
    /// <exception cref="InvalidOperationException">A listed header is missing or not ASCII.</exception>
    public static string BuildSigningString(HttpRequestMessage request, IReadOnlyList<string> headers, long created = 0, long expires = 0)
    {
        var lineStarts = LineStarts(headers);
        var buffer = ArrayPool<byte>.Shared.Rent(1024);
        try
        {
            int written;
            while (!TryWriteSigningString(request, headers, lineStarts, created, expires, sentDate: null, buffer, out written))
            {
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                // Stryker disable once Statement : returning the outgrown buffer to the pool only recycles memory
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            return Encoding.ASCII.GetString(buffer, 0, written);
        }
        finally
        // Stryker disable once Block : returning the buffer to the pool only recycles memory; the string is already made
        {
            // Stryker disable once Statement : returning the buffer to the pool only recycles memory; the string is already made
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The ASCII start of each listed header's line in the signing string, <c>name: </c>, after a LF for all but the
    /// first: the same for every request, so a handler makes them once.
    /// </summary>
    /// <exception cref="InvalidOperationException">A header name is not ASCII.</exception>
    public static byte[][] LineStarts(IReadOnlyList<string> headers)
    {
        var starts = new byte[headers.Count][];
        for (var i = 0; i < starts.Length; i++)
        {
            var text = i == 0 ? headers[i] + ": " : "\n" + headers[i] + ": ";
            starts[i] = new byte[text.Length];
            if (Ascii.FromUtf16(text, starts[i], out _) != OperationStatus.Done)
            {
                throw new InvalidOperationException(NotAscii);
            }
        }

        return starts;
    }

    /// <summary>
    /// Writes the signing string (see <see cref="BuildSigningString"/>) as ASCII bytes into <paramref name="destination"/>,
    /// so signing needs no intermediate strings; <see langword="false"/> when it does not fit. <paramref name="lineStarts"/>
    /// are the headers' <see cref="LineStarts"/>; <paramref name="created"/> and <paramref name="expires"/> the values of
    /// <c>(created)</c> and <c>(expires)</c> when listed; <paramref name="sentDate"/>, when given, the request's
    /// <c>Date</c> value (set by the caller, so not read back).
    /// </summary>
    /// <exception cref="InvalidOperationException">A listed header is missing or not ASCII.</exception>
    public static bool TryWriteSigningString(HttpRequestMessage request, IReadOnlyList<string> headers, byte[][] lineStarts, long created, long expires, string? sentDate, Span<byte> destination, out int written)
    {
        written = 0;
        for (var i = 0; i < headers.Count; i++)
        {
            if (!lineStarts[i].AsSpan().TryCopyTo(destination[written..]))
            {
                return false;
            }

            written += lineStarts[i].Length;
            var name = headers[i];
            var fits = name switch
            {
                RequestTarget => TryAppendRequestTarget(request, destination, ref written),
                Created => TryAppendInteger(created, destination, ref written),
                Expires => TryAppendInteger(expires, destination, ref written),
                // Stryker disable once String : without the arm the Date value is read back from the request, where the caller has just set it
                "date" when sentDate is not null => TryAppend(sentDate, destination, ref written),
                _ => TryAppend(HeaderValue(request, name), destination, ref written),
            };
            if (!fits)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Formats the <c>Authorization</c> parameters after the <c>Signature</c> scheme word, up to the signature value;
    /// <c>created</c> and <c>expires</c> when given (non-zero).
    /// </summary>
    public static string FormatParametersPrefix(string keyId, string algorithm, IReadOnlyList<string> headers, long created = 0, long expires = 0)
    {
        var timestamps = (created > 0 ? $",created={created}" : "") + (expires > 0 ? $",expires={expires}" : "");
        return $"keyId=\"{keyId}\",algorithm=\"{algorithm}\"{timestamps},headers=\"{string.Join(' ', headers)}\",signature=\"";
    }

    private static bool TryAppendRequestTarget(HttpRequestMessage request, Span<byte> destination, ref int written)
    {
        // HttpMethod takes only tokens, which are ASCII: lower-casing the method can only run out of room.
        if (Ascii.ToLower(request.Method.Method, destination[written..], out var lowered) != OperationStatus.Done)
        {
            return false;
        }

        written += lowered;
        return TryAppend(" ", destination, ref written) && TryAppend(request.RequestUri!.PathAndQuery, destination, ref written);
    }

    private static bool TryAppendInteger(long value, Span<byte> destination, ref int written)
    {
        if (!value.TryFormat(destination[written..], out var count, default, System.Globalization.CultureInfo.InvariantCulture))
        {
            return false;
        }

        written += count;
        return true;
    }

    private static bool TryAppend(string text, Span<byte> destination, ref int written)
    {
        switch (Ascii.FromUtf16(text, destination[written..], out var count))
        {
            case OperationStatus.Done:
                written += count;
                return true;
            case OperationStatus.DestinationTooSmall:
                return false;
            default:
                throw new InvalidOperationException(NotAscii);
        }
    }

    // draft-cavage-12 §2.3: each value without its leading and trailing whitespace (and an obsolete line folding read as
    // one space), the values of a repeated header joined by ", ". The host, when no Host header is set, is the one the
    // transport will send.
    private static string HeaderValue(HttpRequestMessage request, string name)
    {
        if (request.Headers.NonValidated.TryGetValues(name, out var values)
            || (request.Content is not null && request.Content.Headers.NonValidated.TryGetValues(name, out values)))
        {
            if (values.Count == 1)
            // Stryker disable once Block : one value joined alone is the same canonical text
            {
                return Canonical(values.ToString());
            }

            return string.Join(", ", values.Select(Canonical));
        }

        if (name == "host" && request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost;
            return uri.IsDefaultPort ? host : $"{host}:{uri.Port}";
        }

        throw new InvalidOperationException($"The header '{name}' is listed for signing but the request does not have it.");
    }

    private static string Canonical(string value)
    {
        var span = value.AsSpan();
        if (span.IndexOfAny('\r', '\n') < 0 && (span.IsEmpty || (!IsWhitespace(span[0]) && !IsWhitespace(span[^1]))))
        // Stryker disable once Block : the full canonicalization returns a value without folding or padding unchanged
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        var folding = false;
        foreach (var c in span.Trim(" \t\r\n"))
        {
            // A line break starts a folding, and the whitespace after it is dropped.
            if (c is '\r' or '\n')
            {
                folding = true;
            }
            else if (!folding || !IsWhitespace(c))
            {
                if (folding)
                {
                    // The folding and the whitespace around it become one space. The text starts with the trimmed
                    // value's first character, which is not whitespace, so the loop stops there at the latest.
                    while (IsWhitespace(text[^1]))
                    {
                        text.Length--;
                    }

                    text.Append(' ');
                    folding = false;
                }

                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t';
}
