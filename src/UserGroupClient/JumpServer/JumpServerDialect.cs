using System.Text.Json.Serialization;
using UserGroupClient.Http;

namespace UserGroupClient.JumpServer;

/// <summary>JumpServer, described once for the shared client and registration code.</summary>
internal sealed class JumpServerDialect : Dialect
{
    public static readonly JumpServerDialect Instance = new();

    public override ApiErrorMapper Errors => JumpServerErrorMapper.Instance;

    public override JsonSerializerContext Json => JumpServerJsonContext.Default;

    public override Func<DelegatingHandler> Authentication(UserGroupClientOptions options, ApiConnection unauthenticated) =>
        ((JumpServerClientOptions)options).CreateAuthenticationHandlers(unauthenticated);

    // Accept is signed by the default Access Key signature, and HttpClient sends none by itself.
    public override IEnumerable<KeyValuePair<string, string>> Headers(UserGroupClientOptions options) =>
    [
        new("Accept", "application/json"),
        new("X-JMS-ORG", OrganizationId((JumpServerClientOptions)options)),
    ];

    /// <summary>The organization the client's calls go to.</summary>
    public static string OrganizationId(JumpServerClientOptions options) =>
        options.OrganizationId is null ? JumpServerOrganizations.Default : JumpServerOrganizations.Validate(options.OrganizationId, nameof(options));
}
