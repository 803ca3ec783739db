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

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is not null && DateTimeOffset.TryParseExact(WithOffsetColon(text), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        throw new JsonException($"'{text}' is not a JumpServer date.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        var text = value.ToString("yyyy'/'MM'/'dd HH':'mm':'ss zzz", CultureInfo.InvariantCulture);
        writer.WriteStringValue(text.Remove(text.Length - 3, 1));
    }

    // .NET's zzz wants "+08:00"; the server writes "+0800".
    private static string WithOffsetColon(string text)
    {
        var n = text.Length;
        return n > 5 && text[n - 5] is '+' or '-' && char.IsAsciiDigit(text[n - 4]) && char.IsAsciiDigit(text[n - 1]) && text[n - 6] == ' '
            ? string.Concat(text.AsSpan(0, n - 2), ":", text.AsSpan(n - 2))
            : text;
    }
}
