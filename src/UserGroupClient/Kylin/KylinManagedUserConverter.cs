using System.Text.Json;
using System.Text.Json.Serialization;

namespace UserGroupClient.Kylin;

/// <summary>
/// Reads <c>ManagedUser</c> in every casing the Kylin lines use (<c>defaultPassword</c> or <c>default_password</c>,
/// <c>lockedTime</c> or <c>locked_time</c>, …), requires <c>username</c>, skips the password hash and unknown fields.
/// A lock time of 0 means "never locked".
/// </summary>
internal sealed class KylinManagedUserConverter : JsonConverter<KylinManagedUser>
{
    public override KylinManagedUser Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A Kylin user must be a JSON object.");
        }

        string? username = null;
        var user = new KylinManagedUser { Username = string.Empty };
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "username":
                    username = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    break;
                case "authorities":
                    user = user with { Authorities = ReadAuthorities(ref reader) };
                    break;
                case "disabled":
                    user = user with { Disabled = ReadBool(ref reader) };
                    break;
                case "defaultPassword" or "default_password":
                    user = user with { DefaultPassword = ReadBool(ref reader) };
                    break;
                case "locked":
                    user = user with { Locked = ReadBool(ref reader) };
                    break;
                case "lockedTime" or "locked_time":
                    user = user with { LockedTime = ReadTime(ref reader) };
                    break;
                case "wrongTime" or "wrong_time":
                    user = user with { WrongTime = reader.TokenType == JsonTokenType.Number ? reader.GetInt32() : 0 };
                    break;
                case "uuid":
                    user = user with { Uuid = reader.TokenType == JsonTokenType.String ? reader.GetString() : null };
                    break;
                case "last_modified" or "lastModified":
                    user = user with { LastModified = ReadTime(ref reader) };
                    break;
                case "version":
                    user = user with { Version = reader.TokenType == JsonTokenType.String ? reader.GetString() : null };
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return string.IsNullOrEmpty(username)
            ? throw new JsonException("A Kylin user has no 'username'.")
            : user with { Username = username };
    }

    public override void Write(Utf8JsonWriter writer, KylinManagedUser value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("username", value.Username);
        writer.WriteStartArray("authorities");
        foreach (var authority in value.Authorities)
        {
            writer.WriteStartObject();
            writer.WriteString("authority", authority);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteBoolean("disabled", value.Disabled);
        writer.WriteBoolean("defaultPassword", value.DefaultPassword);
        writer.WriteBoolean("locked", value.Locked);
        writer.WriteNumber("lockedTime", value.LockedTime?.ToUnixTimeMilliseconds() ?? 0);
        writer.WriteNumber("wrongTime", value.WrongTime);
        writer.WriteString("uuid", value.Uuid);
        if (value.LastModified is { } lastModified)
        {
            writer.WriteNumber("last_modified", lastModified.ToUnixTimeMilliseconds());
        }

        writer.WriteString("version", value.Version);
        writer.WriteEndObject();
    }

    private static bool ReadBool(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.True;

    private static DateTimeOffset? ReadTime(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var milliseconds) && milliseconds > 0
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : null;

    private static List<string> ReadAuthorities(ref Utf8JsonReader reader)
    {
        var authorities = new List<string>();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return authorities;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                authorities.Add(reader.GetString()!);
                continue;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "authority" && reader.TokenType == JsonTokenType.String)
                {
                    authorities.Add(reader.GetString()!);
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return authorities;
    }
}
