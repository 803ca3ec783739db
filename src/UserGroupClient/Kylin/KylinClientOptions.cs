namespace UserGroupClient.Kylin;

/// <summary>Settings of a <see cref="KylinClient"/>.</summary>
/// <remarks>
/// Supported servers: KAP / Kyligence Enterprise 3.x, Apache Kylin 3.x and 4.x, Kylin 5, and Kyligence Enterprise 4.x
/// builds with the v4-public open API (<see cref="Flavor"/>). A server of another flavor than the one set raises
/// <see cref="UserGroupUnsupportedServerException"/> naming both.
/// </remarks>
public sealed class KylinClientOptions : UserGroupClientOptions
{
    /// <summary>The REST root every Kylin path hangs off, appended to a <see cref="UserGroupClientOptions.BaseAddress"/> that does not end in <c>/api</c>.</summary>
    public const string DefaultApiRoot = "kylin/api/";

    /// <summary>
    /// Which Kylin the server is. <see cref="KylinFlavor.Auto"/> (the default) finds it out with one unauthenticated
    /// request before the unified service's first call (see <see cref="KylinClient.DetectFlavorAsync"/>). A named
    /// flavor sends nothing up front; when the server answers as another flavor, the client asks it which one it is
    /// (the same request) and raises <see cref="UserGroupUnsupportedServerException"/> naming both.
    /// </summary>
    public KylinFlavor Flavor { get; set; }

    /// <summary>How the client authenticates. Required.</summary>
    public KylinCredentials? Credentials { get; set; }

    /// <summary>
    /// The project sent as <c>project</c> when listing groups on KAP 3.x and Apache Kylin: the server lets a global
    /// admin list with any value (KAP: an empty one included; Apache Kylin: none) and a project administrator only with
    /// the project they administer. <see langword="null"/> sends an empty value to KAP and none to Apache Kylin. Kylin 5
    /// and Kyligence Enterprise 4.x let only system administrators manage groups and take no project.
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

        if (!Enum.IsDefined(Flavor))
        {
            throw new ArgumentException($"{nameof(KylinClientOptions)}.{nameof(Flavor)} is not a {nameof(KylinFlavor)}.", nameof(Flavor));
        }
    }

    /// <summary>Makes authentication handlers for these options (Basic needs no login, so no connection is needed).</summary>
    /// <param name="secrets">The client's secrets, which tokens from a provider join.</param>
    internal Func<DelegatingHandler> CreateAuthenticationHandlers(Http.KnownSecrets secrets) => Credentials!.CreateHandlerFactory(secrets);
}
