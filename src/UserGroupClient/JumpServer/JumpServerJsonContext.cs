using System.Text.Json.Serialization;

namespace UserGroupClient.JumpServer;

/// <summary>The source-generated JSON contracts of the JumpServer wire format (snake_case, nulls not written).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters =
    [
        typeof(JumpServerDateTimeConverter),
        typeof(JumpServerUserReferenceConverter),
    ])]
[JsonSerializable(typeof(JumpServerUserGroup))]
[JsonSerializable(typeof(JumpServerPage<JumpServerUserGroup>))]
[JsonSerializable(typeof(List<JumpServerUserGroup>))]
[JsonSerializable(typeof(JumpServerPage<JumpServerUser>))]
[JsonSerializable(typeof(List<JumpServerUser>))]
[JsonSerializable(typeof(JumpServerUserGroupCreate))]
[JsonSerializable(typeof(JumpServerUserGroupUpdate))]
[JsonSerializable(typeof(JumpServerUserGroupPatch))]
[JsonSerializable(typeof(List<JumpServerRelationCreate>))]
[JsonSerializable(typeof(List<JumpServerUserGroupRelation>))]
[JsonSerializable(typeof(JumpServerResourceCache))]
[JsonSerializable(typeof(JumpServerResourceCacheResult))]
[JsonSerializable(typeof(JumpServerLoginRequest))]
[JsonSerializable(typeof(JumpServerLoginResponse))]
internal sealed partial class JumpServerJsonContext : JsonSerializerContext;
