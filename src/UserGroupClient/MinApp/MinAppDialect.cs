using System.Text.Json.Serialization;
using UserGroupClient.Http;

namespace UserGroupClient.MinApp;

/// <summary>MinApp (知晓云), described once for the shared client and registration code.</summary>
internal sealed class MinAppDialect : Dialect
{
    public static readonly MinAppDialect Instance = new();

    public override ApiErrorMapper Errors => MinAppErrorMapper.Instance;

    public override JsonSerializerContext Json => MinAppJsonContext.Default;

    public override Func<DelegatingHandler> Authentication(UserGroupClientOptions options, ApiConnection unauthenticated) =>
        ((MinAppClientOptions)options).CreateAuthenticationHandlers(unauthenticated);

    // The test environment a client works in, when it names one, as every API call of the SDK's own sends it.
    public override IEnumerable<KeyValuePair<string, string>> Headers(UserGroupClientOptions options) =>
        ((MinAppClientOptions)options).EnvironmentId is { } environment ? [new("X-Hydrogen-Env-ID", environment)] : [];
}
