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
        // Stryker disable once String : a placeholder, always replaced by the username read or refused below
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

    /// <summary>The SDK only reads Kylin users: none is ever sent, so none is written.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override void Write(Utf8JsonWriter writer, KylinManagedUser value, JsonSerializerOptions options) =>
        throw new NotSupportedException("A Kylin user is only read, never written.");

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
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    authorities.Add(reader.GetString()!);
                    break;
                case JsonTokenType.StartObject:
                    ReadAuthorityObject(ref reader, authorities);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return authorities;
    }

    // An authority object, {"authority": "<name>"}: other fields are skipped.
    private static void ReadAuthorityObject(ref Utf8JsonReader reader, List<string> authorities)
    {
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
}
