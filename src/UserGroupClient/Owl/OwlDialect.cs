using System.Text.Json.Serialization;
using UserGroupClient.Http;

namespace UserGroupClient.Owl;

/// <summary>Owl (v4), described once for the shared client and registration code.</summary>
internal sealed class OwlDialect : Dialect
{
    public static readonly OwlDialect Instance = new();

    public override ApiErrorMapper Errors => OwlErrorMapper.Instance;

    public override JsonSerializerContext Json => OwlJsonContext.Default;

    public override Func<DelegatingHandler> Authentication(UserGroupClientOptions options, ApiConnection unauthenticated) =>
        ((OwlClientOptions)options).CreateAuthenticationHandlers(unauthenticated);
}
