using System.Text.Json;
using System.Text.Json.Serialization;

namespace UserGroupClient.Kylin;

/// <summary>
/// The source-generated JSON contracts of the KAP v2 and Apache Kylin wire formats (camelCase; <c>ManagedUser</c>
/// through its converter), and of the flavor probe's answers.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    Converters = [typeof(KylinManagedUserConverter)])]
[JsonSerializable(typeof(KylinEnvelope<List<string>>))]
[JsonSerializable(typeof(KylinEnvelope<KylinUsersWithGroupData>))]
[JsonSerializable(typeof(KylinEnvelope<KylinGroupMembersData>))]
[JsonSerializable(typeof(KylinEnvelope<JsonElement>))]
[JsonSerializable(typeof(KylinEnvelope<KylinApacheGroupsData>))]
[JsonSerializable(typeof(KylinEnvelope<KylinApacheUsersData>))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class KylinJsonContext : JsonSerializerContext;
