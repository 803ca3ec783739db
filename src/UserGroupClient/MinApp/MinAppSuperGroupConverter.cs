using System.Text.Json;
using System.Text.Json.Serialization;

namespace UserGroupClient.MinApp;

/// <summary>Reads both supergroup shapes (docs/wire/minapp.md §3.2): <c>children</c> as an array of groups, or as a count with the groups in <c>user_group</c>.</summary>
internal sealed class MinAppSuperGroupConverter : JsonConverter<MinAppSuperGroup>
{
    // A null in a page's objects is refused here, as any other unreadable item is, instead of reaching callers as a null group.
    public override bool HandleNull => true;

    public override MinAppSuperGroup Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var wire = JsonSerializer.Deserialize(ref reader, MinAppJsonContext.Default.MinAppSuperGroupWire)
            ?? throw new JsonException("A supergroup is null.");
        List<MinAppReferenceWire>? listed = wire.UserGroup;
        int? count = null;
        switch (wire.Children)
        {
            case { ValueKind: JsonValueKind.Array } array:
                listed = array.Deserialize(MinAppJsonContext.Default.ListMinAppReferenceWire);
                break;
            case { ValueKind: JsonValueKind.Number } number when number.TryGetInt32(out var value):
                count = value;
                break;
            case null or { ValueKind: JsonValueKind.Null }:
                break;
            default:
                throw new JsonException("A supergroup's 'children' is neither an array nor a count.");
        }

        var children = (listed ?? []).Where(c => c.Id is not null).Select(c => new MinAppGroupReference(c.Id!.Value, c.Name ?? "")).ToList();
        return new MinAppSuperGroup { Id = wire.Id, Name = wire.Name ?? "", Children = children, ChildCount = count ?? children.Count };
    }

    public override void Write(Utf8JsonWriter writer, MinAppSuperGroup value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        var children = JsonSerializer.SerializeToElement(value.Children.Select(c => new MinAppReferenceWire(c.Id, c.Name)).ToList(), MinAppJsonContext.Default.ListMinAppReferenceWire);
        JsonSerializer.Serialize(writer, new MinAppSuperGroupWire(value.Id, value.Name, children, null), MinAppJsonContext.Default.MinAppSuperGroupWire);
    }
}
