using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UserGroupClient.JumpServer;

/// <summary>
/// JumpServer's dates: <c>2025/01/15 10:20:30 +0800</c> (strftime <c>%Y/%m/%d %H:%M:%S %z</c>, offset without a colon);
/// ISO 8601 and <c>2025-01-15 10:20:30 +0800</c> are read too. Written in the server's own format.
/// </summary>
internal sealed class JumpServerDateTimeConverter : JsonConverter<DateTimeOffset>
{
    // The shapes other than the server's own, which TryParseServerFormat alone reads.
    private static readonly string[] OtherFormats =
    [
        "yyyy'-'MM'-'dd HH':'mm':'ss zzz",
        "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFK",
    ];

    // The longest date the formats read: "2025-01-15T02:20:30.1234567+08:00".
    private const int MaxLength = 33;

    // Escaped, a character of a date takes at most six bytes ("\u0032"), and unescaping never lengthens a value.
    private const int MaxEscapedLength = 6 * MaxLength;

    // 10000-01-01T00:00:00, the first instant a DateTimeOffset cannot hold (3,652,059 days after 0001-01-01).
    private const long EndOfTime = 3_652_059 * TimeSpan.TicksPerDay;

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A JumpServer date must be a string, not {reader.TokenType}.");
        }

        // Every list item carries a date: one sent as servers send it, unescaped and in one piece, is read from the
        // UTF-8 bytes where they lie; only another takes a copy.
        if (reader.HasValueSequence || reader.ValueIsEscaped)
        {
            if (TryParseCopy(ref reader, out var copied))
            {
                return copied;
            }
        }
        else if (TryParse(reader.ValueSpan, out var date))
        {
            return date;
        }

        throw new JsonException($"'{reader.GetString()}' is not a JumpServer date.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        var text = value.ToString("yyyy'/'MM'/'dd HH':'mm':'ss zzz", CultureInfo.InvariantCulture);
        writer.WriteStringValue(text.Remove(text.Length - 3, 1));
    }

    private static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset value) =>
        TryParseServerFormat(text, out value) || TryParseOtherFormats(text, out value);

    // An escaped or split value, unescaped onto the stack.
    private static bool TryParseCopy(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        if ((reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) > MaxEscapedLength)
        {
            value = default;
            return false;
        }

        Span<byte> copy = stackalloc byte[MaxEscapedLength];
        return TryParse(copy[..reader.CopyString(copy)], out value);
    }

    // "2025/01/15 10:20:30 +0800": fixed positions, so each field is two or four ASCII digits at a known place.
    private static bool TryParseServerFormat(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length != 25 || text[4] != '/' || text[7] != '/' || text[10] != ' ' || text[13] != ':' || text[16] != ':' || text[19] != ' ' || text[20] is not ((byte)'+' or (byte)'-'))
        {
            return false;
        }

        if (!TryDigits(text.Slice(0, 4), out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second)
            || !TryDigits(text.Slice(21, 2), out var offsetHours) || !TryDigits(text.Slice(23, 2), out var offsetMinutes))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59
            || offsetMinutes > 59 || offsetHours * 60 + offsetMinutes > 14 * 60)
        {
            return false;
        }

        // On the first and last days of the calendar an offset can move the instant out of the years DateTimeOffset holds.
        var local = new DateTime(year, month, day, hour, minute, second);
        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        if (text[20] == '-')
        {
            offset = -offset;
        }

        if ((local.Ticks - offset.Ticks) is < 0 or >= EndOfTime)
        {
            return false;
        }

        value = new DateTimeOffset(local, offset);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var digit in digits)
        {
            if (digit is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = value * 10 + digit - '0';
        }

        return true;
    }

    // Parsed on the stack: a v2 server's page of a thousand groups reads a thousand dates in the dashed shape. UTF-8
    // never has fewer bytes than UTF-16 has characters, so a text of at most MaxLength bytes fits.
    private static bool TryParseOtherFormats(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        Span<char> chars = stackalloc char[MaxLength];
        value = default;
        return text.Length <= MaxLength
            && DateTimeOffset.TryParseExact(chars[..Encoding.UTF8.GetChars(text, chars)], OtherFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }
}
