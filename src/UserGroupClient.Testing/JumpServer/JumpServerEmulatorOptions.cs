namespace UserGroupClient.Testing.JumpServer;

/// <summary>Settings for <see cref="JumpServerEmulator.StartAsync(JumpServerEmulatorOptions?, CancellationToken)"/>; read once at start.</summary>
public sealed class JumpServerEmulatorOptions
{
    /// <summary>The release line to imitate; <see cref="JumpServerEmulatorVersion.V4_10"/> by default.</summary>
    public JumpServerEmulatorVersion Version { get; set; } = JumpServerEmulatorVersion.V4_10;

    /// <summary>The clock for token and <c>spm</c> expiry, creation dates and journal timestamps; the system clock by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How long a Bearer token issued by <c>/api/v1/authentication/auth/</c> stays valid; one day by default, as the server's <c>TOKEN_EXPIRATION</c>.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long ids cached by <c>/api/v1/common/resources/cache/</c> stay usable as <c>spm</c>; 300 seconds by default.</summary>
    public TimeSpan SpmLifetime { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// How far an Access Key request's <c>Date</c> may be from the emulator's clock, either way, for its signature to be
    /// accepted; <see langword="null"/> (the default) checks no age, as JumpServer does not (docs/wire/jumpserver.md §6.3),
    /// so a captured request verifies again at any later time. When set, a signed request whose <c>Date</c> is older or
    /// newer than this, or is not an RFC 1123 date, gets 401 <c>authentication_failed</c>: the check a hardened server or
    /// a gateway in front of JumpServer would add against replays.
    /// </summary>
    public TimeSpan? SignatureDateWindow { get; set; }

    /// <summary>
    /// The largest <c>limit</c> honoured; larger values are lowered to it. <see langword="null"/> (the default) uses the
    /// version's cap: 1000 on v4.10, 10000 on v3.10, 100 on v2.28.
    /// </summary>
    public int? MaxPageSize { get; set; }

    /// <summary>
    /// The port to listen on, on <c>127.0.0.1</c> only; 0 (the default) takes a free one, which is what tests want.
    /// A fixed port serves a standalone emulator that others are told the address of.
    /// </summary>
    public int Port { get; set; }
}
