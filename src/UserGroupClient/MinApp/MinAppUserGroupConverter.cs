using System.Text.Json;
using System.Text.Json.Serialization;

namespace UserGroupClient.MinApp;

/// <summary>
/// Reads both user-group shapes (docs/wire/minapp.md §3.1): the parent is <c>parent</c>, else <c>parent_id</c>, else
/// <c>super_group</c>; a <c>super_group</c> whose id is <see langword="null"/> means none.
/// </summary>
internal sealed class MinAppUserGroupConverter : JsonConverter<MinAppUserGroup>
{
    // A null in a page's objects is refused here, as any other unreadable item is, instead of reaching callers as a null group.
    public override bool HandleNull => true;

    public override MinAppUserGroup Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var wire = JsonSerializer.Deserialize(ref reader, MinAppJsonContext.Default.MinAppUserGroupWire)
            ?? throw new JsonException("A user group is null.");
        MinAppGroupReference? parent = wire switch
        {
            { Parent.Id: { } id } => new MinAppGroupReference(id, wire.Parent.Name ?? ""),
            { ParentId: { } id } => new MinAppGroupReference(id, wire.SuperGroup?.Id == id ? wire.SuperGroup.Name ?? "" : ""),
            { SuperGroup.Id: { } id } => new MinAppGroupReference(id, wire.SuperGroup.Name ?? ""),
            _ => null,
        };
        return new MinAppUserGroup { Id = wire.Id, Name = wire.Name ?? "", Members = wire.Members, Parent = parent };
    }

    public override void Write(Utf8JsonWriter writer, MinAppUserGroup value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        var parent = value.Parent is null ? null : new MinAppReferenceWire(value.Parent.Id, value.Parent.Name);
        JsonSerializer.Serialize(writer, new MinAppUserGroupWire(value.Id, value.Name, value.Members, parent, null, null), MinAppJsonContext.Default.MinAppUserGroupWire);
    }
}
