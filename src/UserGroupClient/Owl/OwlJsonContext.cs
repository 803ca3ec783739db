using System.Text.Json.Serialization;

namespace UserGroupClient.Owl;

/// <summary>The source-generated JSON contracts of the Owl v4 wire format (snake_case, nulls not written).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OwlEnvelope))]
[JsonSerializable(typeof(OwlLoginRequest))]
[JsonSerializable(typeof(OwlLoginResponse))]
[JsonSerializable(typeof(OwlUser))]
[JsonSerializable(typeof(OwlUserListResponse))]
[JsonSerializable(typeof(OwlUserResponse))]
[JsonSerializable(typeof(OwlUserGroupsResponse))]
[JsonSerializable(typeof(OwlUserGroupResponse))]
[JsonSerializable(typeof(OwlUserGroupBody))]
[JsonSerializable(typeof(List<OwlUserGroupBody>))]
[JsonSerializable(typeof(OwlHostGroupsResponse))]
[JsonSerializable(typeof(OwlHostGroupResponse))]
[JsonSerializable(typeof(OwlHostGroupBody))]
[JsonSerializable(typeof(OwlHostsResponse))]
internal sealed partial class OwlJsonContext : JsonSerializerContext;
