namespace UserGroupClient.Testing.Kylin;

/// <summary>Settings for <see cref="KylinEmulator.StartAsync(KylinEmulatorOptions?, CancellationToken)"/>; read once at start.</summary>
public sealed class KylinEmulatorOptions
{
    /// <summary>The clock for account locks, <c>last_modified</c> and journal timestamps; the system clock by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Whether the server's first-start users exist: <c>ADMIN</c>/<c>KYLIN</c> (admin), and <c>ANALYST</c>/<c>ANALYST</c>
    /// and <c>MODELER</c>/<c>MODELER</c> (not admins). <see langword="true"/> by default; without them only
    /// <c>ADMIN</c> exists.
    /// </summary>
    public bool SeedDefaultUsers { get; set; } = true;

    /// <summary>How long an account stays locked after three wrong passwords in a row; 30 seconds by default, as the server.</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromSeconds(30);
}
