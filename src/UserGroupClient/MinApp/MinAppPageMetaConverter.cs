using System.Text.Json;
using System.Text.Json.Serialization;

namespace UserGroupClient.MinApp;

/// <summary>Reads <c>meta</c> by hand, to tell a missing <c>next</c> (page by offset) from a <see langword="null"/> one (last page).</summary>
internal sealed class MinAppPageMetaConverter : JsonConverter<MinAppPageMeta>
{
    public override MinAppPageMeta Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("'meta' is not an object.");
        }

        int? limit = null, offset = null, total = null;
        string? next = null, previous = null;
        var hasNext = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "limit":
                    limit = ReadInt(ref reader);
                    break;
                case "offset":
                    offset = ReadInt(ref reader);
                    break;
                case "total_count":
                    total = ReadInt(ref reader);
                    break;
                case "next":
                    hasNext = true;
                    next = ReadString(ref reader);
                    break;
                case "previous":
                    previous = ReadString(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new MinAppPageMeta { Limit = limit, Offset = offset, Next = next, Previous = previous, TotalCount = total, HasNextField = hasNext };
    }

    public override void Write(Utf8JsonWriter writer, MinAppPageMeta value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        WriteInt(writer, "limit", value.Limit);
        if (value.HasNextField)
        {
            writer.WriteString("next", value.Next);
        }

        WriteInt(writer, "offset", value.Offset);
        writer.WriteString("previous", value.Previous);
        WriteInt(writer, "total_count", value.TotalCount);
        writer.WriteEndObject();
    }

    private static int? ReadInt(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number when reader.TryGetInt32(out var value) => value,
        JsonTokenType.String when int.TryParse(reader.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) => value,
        _ => throw new JsonException("A 'meta' count is not an integer."),
    };

    private static string? ReadString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        _ => throw new JsonException("A 'meta' link is not a string."),
    };

    private static void WriteInt(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
