using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UserGroupClient.JumpServer;

/// <summary>
/// JumpServer's dates: <c>2025/01/15 10:20:30 +0800</c> (strftime <c>%Y/%m/%d %H:%M:%S %z</c>, offset without a colon);
/// ISO 8601 and <c>2025-01-15 10:20:30 +0800</c> are read too. Written in the server's own format.
/// </summary>
internal sealed class JumpServerDateTimeConverter : JsonConverter<DateTimeOffset>
{
    private static readonly string[] Formats =
    [
        "yyyy'/'MM'/'dd HH':'mm':'ss zzz",
        "yyyy'-'MM'-'dd HH':'mm':'ss zzz",
        "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFK",
    ];

    // Longer than any of the formats can match, and small enough for the stack.
    private const int MaxLength = 64;

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // The server's own format is read straight from the UTF-8 bytes: every list item carries a date.
        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && !reader.ValueIsEscaped && TryParseServerFormat(reader.ValueSpan, out var date))
        {
            return date;
        }

        // Copied and parsed on the stack: a page of a thousand groups reads a thousand dates.
        Span<char> buffer = stackalloc char[MaxLength + 1];
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && (reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) <= MaxLength)
        {
            if (TryParse(buffer, reader.CopyString(buffer), out var value))
            {
                return value;
            }
        }
        else if (reader.GetString() is { Length: <= MaxLength } text)
        {
            text.CopyTo(buffer);
            if (TryParse(buffer, text.Length, out var value))
            {
                return value;
            }
        }

        throw new JsonException($"'{reader.GetString()}' is not a JumpServer date.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        var text = value.ToString("yyyy'/'MM'/'dd HH':'mm':'ss zzz", CultureInfo.InvariantCulture);
        writer.WriteStringValue(text.Remove(text.Length - 3, 1));
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
            || offsetHours > 14 || offsetMinutes > 59 || offsetHours * 60 + offsetMinutes > 14 * 60)
        {
            return false;
        }

        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        value = new DateTimeOffset(year, month, day, hour, minute, second, text[20] == '-' ? -offset : offset);
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

    private static bool TryParse(Span<char> buffer, int length, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(WithOffsetColon(buffer, length), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    // .NET's zzz wants "+08:00"; the server writes "+0800". The buffer has room for the one character inserted.
    private static ReadOnlySpan<char> WithOffsetColon(Span<char> buffer, int n)
    {
        if (n > 5 && buffer[n - 5] is '+' or '-' && char.IsAsciiDigit(buffer[n - 4]) && char.IsAsciiDigit(buffer[n - 1]) && buffer[n - 6] == ' ')
        {
            buffer[n] = buffer[n - 1];
            buffer[n - 1] = buffer[n - 2];
            buffer[n - 2] = ':';
            return buffer[..(n + 1)];
        }

        return buffer[..n];
    }
}
