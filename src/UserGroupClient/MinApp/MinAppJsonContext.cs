using System.Text.Json.Serialization;

namespace UserGroupClient.MinApp;

/// <summary>
/// The source-generated JSON contracts of the MinApp wire format (snake_case, nulls not written). Reading is lenient
/// where the vendor's own examples are: a trailing comma (the supergroup list example has one) and numbers sent as strings.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowTrailingCommas = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(MinAppAuthorizeRequest))]
[JsonSerializable(typeof(MinAppAuthorizeResponse))]
[JsonSerializable(typeof(MinAppTokenResponse))]
[JsonSerializable(typeof(MinAppUserGroup))]
[JsonSerializable(typeof(MinAppUserGroupWire))]
[JsonSerializable(typeof(MinAppPage<MinAppUserGroup>))]
[JsonSerializable(typeof(MinAppSuperGroup))]
[JsonSerializable(typeof(MinAppSuperGroupWire))]
[JsonSerializable(typeof(List<MinAppReferenceWire>))]
[JsonSerializable(typeof(MinAppPage<MinAppSuperGroup>))]
[JsonSerializable(typeof(MinAppPage<MinAppUserProfile>))]
[JsonSerializable(typeof(MinAppUserProfileWire))]
[JsonSerializable(typeof(MinAppUserGroupBody))]
[JsonSerializable(typeof(MinAppUserGroupDetachBody))]
[JsonSerializable(typeof(MinAppSuperGroupBody))]
[JsonSerializable(typeof(List<MinAppMembershipOperationWire>))]
internal sealed partial class MinAppJsonContext : JsonSerializerContext;
