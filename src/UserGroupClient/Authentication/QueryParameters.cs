using System.Text;

namespace UserGroupClient.Authentication;

/// <summary>
/// The <c>@query-param</c> rules of RFC 9421 §2.2.8: the query is parsed as <c>application/x-www-form-urlencoded</c>
/// (<c>+</c> is a space, <c>%XX</c> a byte, UTF-8), then every name and value is percent-encoded again, every byte but
/// letters, digits, <c>*</c>, <c>-</c>, <c>.</c> and <c>_</c> as upper-case <c>%XX</c> (a space as <c>%20</c>).
/// </summary>
internal static class QueryParameters
{
    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>
    /// Finds the one parameter whose re-encoded name is <paramref name="encodedName"/> and gives its re-encoded value.
    /// </summary>
    /// <exception cref="InvalidOperationException">The parameter is missing or appears more than once (RFC 9421 §2.2.8 forbids signing it then).</exception>
    public static string FindValue(string query, string encodedName)
    {
        var rest = query.AsSpan().TrimStart('?');
        string? found = null;
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf('&');
            var pair = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            if (Reencode(name) != encodedName)
            {
                continue;
            }

            if (found is not null)
            {
                throw new InvalidOperationException($"The query parameter named in @query-param;name=\"{encodedName}\" appears more than once.");
            }

            found = Reencode(equals < 0 ? [] : pair[(equals + 1)..]);
        }

        return found ?? throw new InvalidOperationException($"The query has no parameter named in @query-param;name=\"{encodedName}\".");
    }

    /// <summary>Decodes one form-urlencoded name or value and percent-encodes it again.</summary>
    public static string Reencode(ReadOnlySpan<char> encoded)
    {
        var bytes = new List<byte>(encoded.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '%' && i + 2 < encoded.Length && char.IsAsciiHexDigit(encoded[i + 1]) && char.IsAsciiHexDigit(encoded[i + 2]))
            {
                bytes.Add((byte)((HexValue(encoded[i + 1]) << 4) | HexValue(encoded[i + 2])));
                i += 2;
            }
            else
            {
                // A surrogate pair is one character; a lone surrogate (a query sent unescaped can hold one) becomes U+FFFD alone.
                var width = char.IsHighSurrogate(c) && i + 1 < encoded.Length && char.IsLowSurrogate(encoded[i + 1]) ? 2 : 1;
                var count = Encoding.UTF8.GetBytes(encoded.Slice(i, width), utf8);
                i += width - 1;
                bytes.AddRange(utf8[..count]);
            }
        }

        // Invalid UTF-8 becomes U+FFFD, as the URL standard's decoding does, before encoding again.
        var text = Encoding.UTF8.GetString([.. bytes]);
        var builder = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'*' or (byte)'-' or (byte)'.' or (byte)'_')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(HexDigits[b / 16]).Append(HexDigits[b % 16]);
            }
        }

        return builder.ToString();
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
