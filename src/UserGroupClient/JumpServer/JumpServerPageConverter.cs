using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace UserGroupClient.JumpServer;

/// <summary>Reads a list answer in both shapes: the page object (<c>limit</c> given) and the plain array.</summary>
/// <typeparam name="T">The item type; <c>List&lt;T&gt;</c> must be in <see cref="JumpServerJsonContext"/>.</typeparam>
internal sealed class JumpServerPageConverter<T> : JsonConverter<JumpServerPage<T>>
{
    public override JumpServerPage<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var listType = (JsonTypeInfo<List<T>>)options.GetTypeInfo(typeof(List<T>));
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            var items = JsonSerializer.Deserialize(ref reader, listType) ?? [];
            if (items.Exists(item => item is null))
            {
                throw new JsonException("A page holds a null item.");
            }

            return new JumpServerPage<T> { Count = items.Count, Results = items };
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A list answer must be an array or a page object, not {reader.TokenType}.");
        }

        int? count = null;
        string? next = null, previous = null;
        List<T>? results = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "count":
                    count = reader.GetInt32();
                    break;
                case "next":
                    next = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
                    break;
                case "previous":
                    previous = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
                    break;
                case "results":
                    results = JsonSerializer.Deserialize(ref reader, listType);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (results is null || count is null)
        {
            throw new JsonException("A page object needs 'count' and 'results'.");
        }

        if (results.Exists(item => item is null))
        {
            throw new JsonException("A page's 'results' hold a null item.");
        }

        return new JumpServerPage<T> { Count = count.Value, Next = next, Previous = previous, Results = results };
    }

    public override void Write(Utf8JsonWriter writer, JumpServerPage<T> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("count", value.Count);
        writer.WriteString("next", value.Next);
        writer.WriteString("previous", value.Previous);
        writer.WritePropertyName("results");
        JsonSerializer.Serialize(writer, value.Results as List<T> ?? [.. value.Results], (JsonTypeInfo<List<T>>)options.GetTypeInfo(typeof(List<T>)));
        writer.WriteEndObject();
    }
}
