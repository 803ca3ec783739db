using System.Text.Json;
using System.Text.Json.Serialization;

namespace UserGroupClient.MinApp;

/// <summary>Reads a user profile through its wire shape, so that a <c>null</c> where a profile belongs is refused instead of handed on.</summary>
internal sealed class MinAppUserProfileConverter : JsonConverter<MinAppUserProfile>
{
    // A null in a page's objects is refused here, as any other unreadable item is, instead of reaching callers as a null profile.
    public override bool HandleNull => true;

    public override MinAppUserProfile Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var wire = JsonSerializer.Deserialize(ref reader, MinAppJsonContext.Default.MinAppUserProfileWire)
            ?? throw new JsonException("A user profile is null.");
        return new MinAppUserProfile { Id = wire.Id, UserId = wire.UserId, Nickname = wire.Nickname, UserGroup = wire.UserGroup };
    }

    public override void Write(Utf8JsonWriter writer, MinAppUserProfile value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        JsonSerializer.Serialize(writer, new MinAppUserProfileWire(value.Id, value.UserId, value.Nickname, value.UserGroup), MinAppJsonContext.Default.MinAppUserProfileWire);
    }
}
