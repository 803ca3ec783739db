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
