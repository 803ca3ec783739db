using UserGroupClient.Http;

namespace UserGroupClient.JumpServer;

/// <summary>Settings of a <see cref="JumpServerClient"/>.</summary>
public sealed class JumpServerClientOptions : UserGroupClientOptions
{
    /// <summary>The page-size cap of JumpServer v4.10.8 and later (<c>MAX_PAGE_SIZE</c>).</summary>
    public const int DefaultMaxPageSize = 1000;

    /// <summary>How the client authenticates. Required.</summary>
    public JumpServerCredentials? Credentials { get; set; }

    /// <summary>
    /// The organization sent as <c>X-JMS-ORG</c> on every request; <see langword="null"/> means
    /// <see cref="JumpServerOrganizations.Default"/>. Override per call with <see cref="IJumpServerUserGroupsApi.WithOrganization"/>.
    /// </summary>
    public string? OrganizationId { get; set; }

    /// <summary>The server's page-size cap; larger page sizes are clamped to it. Default 1000 (v4.10.8+; older servers allow 10000).</summary>
    public int MaxPageSize { get; set; } = DefaultMaxPageSize;

    /// <inheritdoc />
    internal override IEnumerable<string> CredentialSecrets() => Credentials?.Secrets ?? [];

    /// <inheritdoc />
    public override void Validate()
    {
        ValidateCommon();
        if (Credentials is null)
        {
            throw new ArgumentException($"{nameof(JumpServerClientOptions)}.{nameof(Credentials)} is required.", nameof(Credentials));
        }

        if (OrganizationId is not null)
        {
            JumpServerOrganizations.Validate(OrganizationId, nameof(OrganizationId));
        }

        if (MaxPageSize < 1)
        {
            throw new ArgumentException($"{nameof(JumpServerClientOptions)}.{nameof(MaxPageSize)} must be at least 1.", nameof(MaxPageSize));
        }
    }

    /// <summary>
    /// Makes authentication handlers for these options; they share one token cache. Logins go through
    /// <paramref name="unauthenticated"/>.
    /// </summary>
    internal Func<DelegatingHandler> CreateAuthenticationHandlers(ApiConnection unauthenticated) =>
        Credentials!.CreateHandlerFactory(new JumpServerAuthenticationContext(unauthenticated, TimeProvider));
}
