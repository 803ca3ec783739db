using System.Text.Json;
using System.Text.Json.Serialization;

namespace UserGroupClient.JumpServer;

/// <summary>Reads a member of <c>users</c> in both shapes: a bare id (v2) or <c>{"id", "name", "is_service_account"}</c> (v3+).</summary>
internal sealed class JumpServerUserReferenceConverter : JsonConverter<JumpServerUserReference>
{
    // A null member is refused here: left to the serializer it would become a null in the list.
    public override bool HandleNull => true;

    public override JumpServerUserReference Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new JumpServerUserReference(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A member of 'users' must be an id or an object, not {reader.TokenType}.");
        }

        string? id = null, name = null;
        bool? isServiceAccount = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "id" or "pk":
                    id = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("'users[].id' must be a string.");
                    break;
                case "name":
                    name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    break;
                case "is_service_account":
                    isServiceAccount = reader.TokenType is JsonTokenType.True or JsonTokenType.False ? reader.GetBoolean() : null;
                    break;
            }

            // Past the value, whichever property holds an object or an array.
            reader.Skip();
        }

        return new JumpServerUserReference(id ?? throw new JsonException("A member of 'users' has no id."), name, isServiceAccount);
    }

    public override void Write(Utf8JsonWriter writer, JumpServerUserReference value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("id", value.Id);
        if (value.Name is not null)
        {
            writer.WriteString("name", value.Name);
        }

        if (value.IsServiceAccount is { } isServiceAccount)
        {
            writer.WriteBoolean("is_service_account", isServiceAccount);
        }

        writer.WriteEndObject();
    }
}
