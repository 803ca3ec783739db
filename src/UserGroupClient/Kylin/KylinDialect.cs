using System.Text.Json.Serialization;
using UserGroupClient.Http;

namespace UserGroupClient.Kylin;

/// <summary>Kylin (every flavor), described once for the shared client and registration code.</summary>
internal sealed class KylinDialect : Dialect
{
    public static readonly KylinDialect Instance = new();

    public override ApiErrorMapper Errors => KylinErrorMapper.Instance;

    public override JsonSerializerContext Json => KylinJsonContext.Default;

    // The flavor probe goes the API calls' way, through a caller's or the factory's client too, but without credentials.
    public override Func<DelegatingHandler> Authentication(UserGroupClientOptions options, ApiConnection unauthenticated)
    {
        var credentials = ((KylinClientOptions)options).CreateAuthenticationHandlers(unauthenticated.Secrets);
        return () => new KylinAuthenticationHandler(credentials());
    }

    public override Uri? ApiBaseAddress(UserGroupClientOptions options) => ((KylinClientOptions)options).ApiBaseAddress;

    // A caller's own interface gets the media type of the configured flavor's API unless it sets its own (the KAP v2
    // type for Auto, as before flavors), and English error texts, which the error mapping reads.
    public override IEnumerable<KeyValuePair<string, string>> Headers(UserGroupClientOptions options) =>
    [
        new("Accept", KylinFlavors.Shape(((KylinClientOptions)options).Flavor) switch
        {
            KylinWireShape.Apache => KylinApacheUserGroupsApi.MediaType,
            KylinWireShape.OpenV4 => KylinOpenUserGroupsApi.MediaType,
            _ => KylinUserGroupsApi.MediaType,
        }),
        new("Accept-Language", "en"),
    ];
}
