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

    /// <summary>
    /// Lets Access Key credentials sign requests sent over plain <c>http://</c> to a host other than this machine;
    /// <see langword="false"/> by default, when <see cref="Validate"/> refuses that combination. Loopback addresses
    /// (<c>localhost</c>, 127.0.0.0/8, <c>::1</c>) are always allowed.
    /// </summary>
    /// <remarks>
    /// The risk: the secret itself is never sent, but JumpServer accepts a signed request again at any later time (it
    /// does not check the <c>Date</c>) and the signature does not cover the body. Anyone who can read the traffic can
    /// therefore replay every captured request as the key's user, with a body of their own, for as long as the key is
    /// valid, and sees every group and user id sent or answered. Turn this on only where the network between the client
    /// and the server is trusted end to end.
    /// </remarks>
    public bool AllowAccessKeyOverPlainHttp { get; set; }

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

        if (Credentials is JumpServerAccessKeyCredentials && BaseAddress!.Scheme == Uri.UriSchemeHttp && !AllowAccessKeyOverPlainHttp && !LoopbackHost.Is(BaseAddress))
        {
            throw new ArgumentException(
                $"{nameof(JumpServerClientOptions)}.{nameof(BaseAddress)} is plain http to a host other than this machine, where Access Key signatures "
                + "can be captured and replayed with any body (the server checks neither their age nor the body). Use https, or set "
                + $"{nameof(JumpServerClientOptions)}.{nameof(AllowAccessKeyOverPlainHttp)} to accept that risk.",
                nameof(BaseAddress));
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
