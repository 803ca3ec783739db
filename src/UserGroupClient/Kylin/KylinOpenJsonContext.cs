using System.Text.Json;
using System.Text.Json.Serialization;

namespace UserGroupClient.Kylin;

/// <summary>The source-generated JSON contracts of the v4-public open API (snake_case; users through their converter).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    Converters = [typeof(KylinManagedUserConverter)])]
[JsonSerializable(typeof(KylinEnvelope<KylinDataResult<string>>))]
[JsonSerializable(typeof(KylinEnvelope<KylinDataResult<KylinManagedUser>>))]
[JsonSerializable(typeof(KylinEnvelope<KylinDataResult<KylinOpenGroupUsers>>))]
[JsonSerializable(typeof(KylinEnvelope<JsonElement>))]
[JsonSerializable(typeof(KylinGroupNameBody))]
[JsonSerializable(typeof(KylinGroupUsersBody))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class KylinOpenJsonContext : JsonSerializerContext;
