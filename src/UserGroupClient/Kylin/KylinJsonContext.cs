using System.Text.Json;
using System.Text.Json.Serialization;

namespace UserGroupClient.Kylin;

/// <summary>The source-generated JSON contracts of the Kylin v2 wire format (camelCase; <c>ManagedUser</c> through its converter).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    Converters = [typeof(KylinManagedUserConverter)])]
[JsonSerializable(typeof(KylinEnvelope<List<string>>))]
[JsonSerializable(typeof(KylinEnvelope<KylinUsersWithGroupData>))]
[JsonSerializable(typeof(KylinEnvelope<KylinGroupMembersData>))]
[JsonSerializable(typeof(KylinEnvelope<JsonElement>))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class KylinJsonContext : JsonSerializerContext;
