using System.Text.Json.Serialization;
using UserGroupClient.Http;

namespace UserGroupClient.Kylin;

/// <summary>Kylin (KAP / Kyligence Enterprise 3.x, the v2 API), described once for the shared client and registration code.</summary>
internal sealed class KylinDialect : Dialect
{
    public static readonly KylinDialect Instance = new();

    public override ApiErrorMapper Errors => KylinErrorMapper.Instance;

    public override JsonSerializerContext Json => KylinJsonContext.Default;

    public override Func<DelegatingHandler> Authentication(UserGroupClientOptions options, ApiConnection unauthenticated) =>
        ((KylinClientOptions)options).CreateAuthenticationHandlers();

    public override Uri? ApiBaseAddress(UserGroupClientOptions options) => ((KylinClientOptions)options).ApiBaseAddress;

    // The v2 API answers only its own media type, and English error texts are what the error mapping reads.
    public override IEnumerable<KeyValuePair<string, string>> Headers(UserGroupClientOptions options) =>
    [
        new("Accept", KylinUserGroupsApi.MediaType),
        new("Accept-Language", "en"),
    ];
}
