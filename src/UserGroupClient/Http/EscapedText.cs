using System.Buffers;
using System.Globalization;
using System.Text;

namespace UserGroupClient.Http;

/// <summary>
/// Compares text with a value as a server may have escaped it on the way back: JSON and Python string escapes
/// (<c>\"</c>, <c>\\</c>, <c>\/</c>, <c>\uXXXX</c>, <c>\xHH</c>, <c>\n</c>, …), URL encoding (<c>%XX</c> of UTF-8 bytes,
/// <c>+</c> for a space) and HTML character references (<c>&amp;quot;</c>, <c>&amp;#34;</c>, <c>&amp;#x22;</c>), in any
/// mix, and in the text's own case for hexadecimal digits. Each character of the text is read both as itself and as the
/// start of an escape, so a literal backslash or percent sign in the value still matches.
/// </summary>
internal static class EscapedText
{
    // More readings than this left open at once only happen in contrived text; the rest are dropped (no match).
    private const int MaxOpenReadings = 32;

    private const string EscapeStarterCharacters = "\\%&+";

    private static readonly SearchValues<char> EscapeStarters = SearchValues.Create(EscapeStarterCharacters);

    /// <summary>The characters a match of <paramref name="value"/> can start with: its first character, or an escape's.</summary>
    public static string Starters(string value) => value[0] + EscapeStarterCharacters;

    /// <summary>
    /// Whether the text from <paramref name="start"/> on reads as <paramref name="value"/>; <paramref name="end"/> is
    /// where the shortest such reading ends.
    /// </summary>
    public static bool TryMatch(ReadOnlySpan<char> text, int start, string value, out int end)
    {
        // Most candidates fail on plain characters. Read literally, the text matches in exactly the value's length, and no
        // reading through escapes is shorter (no escape stands for more characters than it takes).
        // Stryker disable once Unary : every caller reads end only when the match succeeded, which sets it
        end = -1;
        var rest = text[start..];
        var literal = rest.CommonPrefixLength(value);
        if (literal == value.Length)
        {
            end = start + literal;
            return true;
        }

        // Past the first difference no literal reading goes on, so an escape must start at or before it.
        var escapeReached = rest[..literal].ContainsAny(EscapeStarters) || (literal < rest.Length && EscapeStarters.Contains(rest[literal]));
        return escapeReached && TryMatchEscaped(text, start, value, out end);
    }

    private static bool TryMatchEscaped(ReadOnlySpan<char> text, int start, string value, out int end)
    {
        // Depth-first over the readings: (characters of value matched, position in text).
        Span<(int Matched, int Position)> open = stackalloc (int, int)[MaxOpenReadings];
        Span<char> decoded = stackalloc char[2];
        var count = 1;
        open[0] = (0, start);
        var shortest = int.MaxValue;
        while (count > 0)
        {
            var (matched, position) = open[--count];
            if (matched == value.Length)
            {
                shortest = Math.Min(shortest, position);
                continue;
            }

            if (position >= text.Length)
            {
                continue;
            }

            // A reading was just taken off the stack, so there is room for the literal one.
            var expected = value.AsSpan(matched);
            if (text[position] == expected[0])
            {
                open[count++] = (matched + 1, position + 1);
            }

            var length = ReadEscape(text[position..], decoded, out var produced);
            if (length > 0 && expected.StartsWith(decoded[..produced], StringComparison.Ordinal) && count < MaxOpenReadings)
            {
                open[count++] = (matched + produced, position + length);
            }
        }

        end = shortest;
        return shortest != int.MaxValue;
    }

    /// <summary>Reads the escape <paramref name="text"/> starts with: its length in the text (0 when there is none) and the one or two characters it stands for.</summary>
    private static int ReadEscape(ReadOnlySpan<char> text, Span<char> decoded, out int produced)
    {
        produced = 1;
        switch (text[0])
        {
            case '\\' when text.Length >= 2:
                return ReadBackslash(text, decoded);
            case '%':
                return ReadPercent(text, decoded, out produced);
            case '&':
                return ReadReference(text, decoded, out produced);
            case '+':
                decoded[0] = ' ';
                return 1;
            default:
                return 0;
        }
    }

    private static int ReadBackslash(ReadOnlySpan<char> text, Span<char> decoded)
    {
        switch (text[1])
        {
            case 'u' when text.Length >= 6 && TryHex(text.Slice(2, 4), out var unit):
                decoded[0] = (char)unit;
                return 6;
            case 'x' when text.Length >= 4 && TryHex(text.Slice(2, 2), out var code):
                decoded[0] = (char)code;
                return 4;
            case '"' or '\\' or '/' or '\'':
                decoded[0] = text[1];
                return 2;
            case 'n':
                decoded[0] = '\n';
                return 2;
            case 'r':
                decoded[0] = '\r';
                return 2;
            case 't':
                decoded[0] = '\t';
                return 2;
            case 'b':
                decoded[0] = '\b';
                return 2;
            case 'f':
                decoded[0] = '\f';
                return 2;
            default:
                return 0;
        }
    }

    // One UTF-8 sequence of %XX bytes: one character, or two for a code point above U+FFFF.
    private static int ReadPercent(ReadOnlySpan<char> text, Span<char> decoded, out int produced)
    {
        produced = 0;
        Span<byte> bytes = stackalloc byte[4];
        if (!TryPercentByte(text, 0, out bytes[0]))
        {
            return 0;
        }

        var size = bytes[0] switch
        {
            // Stryker disable once Equality : a lone 0x80 is a continuation byte, which the decoding below refuses as size 1 as it refuses size 0
            < 0x80 => 1,
            >= 0xC2 and <= 0xDF => 2,
            >= 0xE0 and <= 0xEF => 3,
            >= 0xF0 and <= 0xF4 => 4,
            _ => 0,
        };
        for (var i = 1; i < size; i++)
        {
            if (!TryPercentByte(text, i * 3, out bytes[i]))
            {
                return 0;
            }
        }

        if (size == 0 || Rune.DecodeFromUtf8(bytes[..size], out var rune, out var consumed) != OperationStatus.Done || consumed != size)
        {
            return 0;
        }

        produced = rune.EncodeToUtf16(decoded);
        return size * 3;
    }

    private static bool TryPercentByte(ReadOnlySpan<char> text, int at, out byte value)
    {
        value = 0;
        if (text.Length < at + 3 || text[at] != '%' || !TryHex(text.Slice(at + 1, 2), out var code))
        {
            return false;
        }

        value = (byte)code;
        return true;
    }

    private static int ReadReference(ReadOnlySpan<char> text, Span<char> decoded, out int produced)
    {
        produced = 1;
        // The shortest references ("&lt;", "&#9;") have their semicolon at 3.
        var semicolon = text[..Math.Min(text.Length, 10)].IndexOf(';');
        if (semicolon < 3)
        {
            return 0;
        }

        var name = text[1..semicolon];
        char? named = name switch
        {
            "quot" => '"',
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "apos" => '\'',
            _ => null,
        };
        if (named is { } character)
        {
            decoded[0] = character;
            return semicolon + 1;
        }

        if (name[0] != '#')
        {
            return 0;
        }

        // The name has two characters at least (the semicolon is at 3 or later).
        var hex = name[1] is 'x' or 'X';
        var digits = name[(hex ? 2 : 1)..];
        if (!int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var point) || !Rune.IsValid(point))
        {
            return 0;
        }

        produced = new Rune(point).EncodeToUtf16(decoded);
        return semicolon + 1;
    }

    private static bool TryHex(ReadOnlySpan<char> digits, out int value) =>
        int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
}
