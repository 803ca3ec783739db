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
    /// The largest <c>limit</c> honoured; larger values are lowered to it. <see langword="null"/> (the default) uses the
    /// version's cap: 1000 on v4.10, 10000 on v3.10, 100 on v2.28.
    /// </summary>
    public int? MaxPageSize { get; set; }
}
