namespace UserGroupClient.MinApp;

/// <summary>Settings of a <see cref="MinAppClient"/>.</summary>
public sealed class MinAppClientOptions : UserGroupClientOptions
{
    /// <summary>The public MinApp (知晓云) server, <c>https://cloud.minapp.com/</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://cloud.minapp.com/");

    /// <summary>The largest <c>limit</c> the server honours on its lists.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Creates the settings with <see cref="UserGroupClientOptions.BaseAddress"/> set to <see cref="DefaultBaseAddress"/>.</summary>
    public MinAppClientOptions() => BaseAddress = DefaultBaseAddress;

    /// <summary>How the client authenticates. Required.</summary>
    public MinAppCredentials? Credentials { get; set; }

    /// <summary>
    /// The test environment sent as <c>X-Hydrogen-Env-ID</c> on every API call; <see langword="null"/> (the default)
    /// sends none, so calls reach production.
    /// </summary>
    public string? EnvironmentId { get; set; }

    /// <inheritdoc />
    internal override IEnumerable<string> CredentialSecrets() => Credentials?.Secrets ?? [];

    /// <inheritdoc />
    public override void Validate()
    {
        ValidateCommon();
        if (Credentials is null)
        {
            throw new ArgumentException($"{nameof(MinAppClientOptions)}.{nameof(Credentials)} is required.", nameof(Credentials));
        }

        if (EnvironmentId is not null && (string.IsNullOrWhiteSpace(EnvironmentId) || EnvironmentId.Any(char.IsControl)))
        {
            throw new ArgumentException($"{nameof(MinAppClientOptions)}.{nameof(EnvironmentId)} must be non-blank and free of control characters, or null.", nameof(EnvironmentId));
        }
    }

    /// <summary>Makes authentication handlers for these options; they share one token cache. Token requests go through <paramref name="unauthenticated"/>.</summary>
    internal Func<DelegatingHandler> CreateAuthenticationHandlers(Http.ApiConnection unauthenticated) =>
        Credentials!.CreateHandlerFactory(new MinAppAuthenticationContext(unauthenticated, TimeProvider));
}
