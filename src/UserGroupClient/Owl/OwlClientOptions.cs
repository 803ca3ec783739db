namespace UserGroupClient.Owl;

/// <summary>Settings of an <see cref="OwlClient"/>.</summary>
public sealed class OwlClientOptions : UserGroupClientOptions
{
    /// <summary>How the client authenticates. Required.</summary>
    public OwlCredentials? Credentials { get; set; }

    /// <inheritdoc />
    internal override IEnumerable<string> CredentialSecrets() => Credentials?.Secrets ?? [];

    /// <inheritdoc />
    public override void Validate()
    {
        ValidateCommon();
        if (Credentials is null)
        {
            throw new ArgumentException($"{nameof(OwlClientOptions)}.{nameof(Credentials)} is required.", nameof(Credentials));
        }
    }

    /// <summary>Makes authentication handlers for these options; they share one token cache. Logins go through <paramref name="unauthenticated"/>.</summary>
    internal Func<DelegatingHandler> CreateAuthenticationHandlers(Http.ApiConnection unauthenticated) =>
        Credentials!.CreateHandlerFactory(new OwlAuthenticationContext(unauthenticated, TimeProvider));
}
