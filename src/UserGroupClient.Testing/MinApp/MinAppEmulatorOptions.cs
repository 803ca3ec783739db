namespace UserGroupClient.Testing.MinApp;

/// <summary>Settings for <see cref="MinAppEmulator.StartAsync(MinAppEmulatorOptions?, CancellationToken)"/>; read once at start.</summary>
public sealed class MinAppEmulatorOptions
{
    /// <summary>The clock for code and token expiry and journal timestamps; the system clock by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The OAuth client id the authorize and token endpoints accept; a random one when <see langword="null"/>.</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth client secret the authorize and token endpoints accept; a random one when <see langword="null"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>How long an access token lives (<c>expires_in</c>); 31535999 seconds by default, the only value the vendor ever published.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(31535999);

    /// <summary>How long an authorization code stays usable; 600 seconds by default.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromSeconds(600);

    /// <summary>
    /// Whether the authorize step answers through two <c>302 Found</c> hops that need its session cookie (the
    /// default, as the vendor documents); <see langword="false"/> answers the first request with the code directly.
    /// </summary>
    public bool AuthorizeRedirects { get; set; } = true;

    /// <summary>
    /// Whether the token endpoint also reads its fields from a JSON body, as the vendor's current authentication page
    /// labels the request. Off by default: the server's OAuth provider reads form fields only (multipart or urlencoded)
    /// and answers a JSON body with 400 <c>{"error": "invalid_request", "error_description": "No 'grant_type' included in the request."}</c>.
    /// </summary>
    public bool TokenEndpointAcceptsJson { get; set; }

    /// <summary>
    /// Whether the membership PATCH names users by the profile's <c>id</c> instead of its <c>user_id</c> (the default,
    /// as the membership doc says; the vendor's sources disagree).
    /// </summary>
    public bool MembershipByProfileId { get; set; }

    /// <summary>
    /// The port to listen on, on <c>127.0.0.1</c> only; 0 (the default) takes a free one, which is what tests want.
    /// A fixed port serves a standalone emulator that others are told the address of.
    /// </summary>
    public int Port { get; set; }
}
