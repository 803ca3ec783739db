namespace UserGroupClient.Kylin;

/// <summary>Settings of a <see cref="KylinClient"/>.</summary>
/// <remarks>
/// Supported servers: the KAP / Kyligence Enterprise 3.x v2 API only (<see cref="UserGroupClientOptions.BaseAddress"/>
/// must point at such a server). Apache Kylin 3.x/4.x, Kyligence Enterprise 4.x and Kylin 5 are not supported yet:
/// requests to them fail with <see cref="UserGroupUnsupportedServerException"/>.
/// </remarks>
public sealed class KylinClientOptions : UserGroupClientOptions
{
    /// <summary>The REST root every Kylin path hangs off, appended to a <see cref="UserGroupClientOptions.BaseAddress"/> that does not end in <c>/api</c>.</summary>
    public const string DefaultApiRoot = "kylin/api/";

    /// <summary>How the client authenticates. Required.</summary>
    public KylinCredentials? Credentials { get; set; }

    /// <summary>
    /// The project sent as <c>project</c> when listing groups: the server lets a global admin list with any value
    /// (an empty one included) and a project administrator only with the project they administer.
    /// <see langword="null"/> sends an empty value.
    /// </summary>
    public string? Project { get; set; }

    /// <summary>
    /// The address the <c>user_group/…</c> paths are resolved against: <see cref="UserGroupClientOptions.BaseAddress"/>
    /// when its path ends in <c>/api</c> (e.g. <c>https://host/kylin/api</c>), otherwise that address plus <c>kylin/api/</c>.
    /// </summary>
    internal Uri ApiBaseAddress
    {
        get
        {
            var text = BaseAddress!.AbsoluteUri;
            var slashed = text.EndsWith('/') ? text : text + "/";
            return slashed.EndsWith("/api/", StringComparison.OrdinalIgnoreCase) ? new Uri(slashed) : new Uri(slashed + DefaultApiRoot);
        }
    }

    /// <inheritdoc />
    internal override IEnumerable<string> CredentialSecrets() => Credentials?.Secrets ?? [];

    /// <inheritdoc />
    public override void Validate()
    {
        ValidateCommon();
        if (Credentials is null)
        {
            throw new ArgumentException($"{nameof(KylinClientOptions)}.{nameof(Credentials)} is required.", nameof(Credentials));
        }

        if (Project is not null)
        {
            Http.ApiUri.RejectControlCharacters(Project, nameof(Project));
        }
    }

    /// <summary>Makes authentication handlers for these options (Basic needs no login, so the connection is unused).</summary>
    internal Func<DelegatingHandler> CreateAuthenticationHandlers() => Credentials!.CreateHandlerFactory();
}
