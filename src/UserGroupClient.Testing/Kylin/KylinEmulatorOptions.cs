namespace UserGroupClient.Testing.Kylin;

/// <summary>
/// Settings for <see cref="KylinEmulator.StartAsync(KylinEmulatorOptions?, CancellationToken)"/>; read once at start.
/// The nullable settings default to what the chosen <see cref="Flavor"/> does.
/// </summary>
public sealed class KylinEmulatorOptions
{
    /// <summary>The server to behave as; <see cref="KylinEmulatorFlavor.Kap3"/> (KAP / Kyligence Enterprise 3.x) by default.</summary>
    public KylinEmulatorFlavor Flavor { get; set; } = KylinEmulatorFlavor.Kap3;

    /// <summary>The clock for account locks, <c>last_modified</c> and journal timestamps; the system clock by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Whether the first-start users <c>ANALYST</c>/<c>ANALYST</c> and <c>MODELER</c>/<c>MODELER</c> (not admins) exist
    /// beside <c>ADMIN</c>/<c>KYLIN</c>. <see langword="null"/> (the default): as the flavor does, yes on KAP 3.x and
    /// Apache Kylin, no on Kylin 5 and Kyligence Enterprise 4.x, which create only <c>ADMIN</c>.
    /// </summary>
    public bool? SeedDefaultUsers { get; set; }

    /// <summary>
    /// How long an account stays locked after three wrong passwords in a row; 30 seconds by default, as the servers. On
    /// Kylin 5 and Kyligence Enterprise 4.x this is the first lock: each further wrong password after it locks for longer
    /// (1, 5, 10 and 30 minutes, 1 and 3 days, then for good). Apache Kylin has no lock and ignores it.
    /// </summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether deleting <c>ALL_USERS</c> or <c>ROLE_ADMIN</c> is refused. <see langword="null"/> (the default): as the
    /// flavor does, refused on Apache Kylin (HTTP 500 <c>Can not delete group &lt;name&gt;</c>, in any case), Kylin 5 and
    /// Kyligence Enterprise 4.x (<c>KE-010004003</c>); allowed on KAP 3.x, which deletes any group after stripping it
    /// from every user.
    /// </summary>
    public bool? GuardBuiltInGroups { get; set; }

    /// <summary>
    /// Whether every save of a user puts it back in <c>ALL_USERS</c>, so that a member update leaving users out of
    /// <c>ALL_USERS</c> is undone at once. <see langword="null"/> (the default): as the flavor does, yes on Apache Kylin;
    /// no on KAP 3.x, where such a removal sticks, and on Kylin 5 and Kyligence Enterprise 4.x, which refuse it instead.
    /// </summary>
    public bool? ReAddAllUsersOnSave { get; set; }

    /// <summary>
    /// The version text the server shows without signing in: <c>kylin.version</c> of Apache Kylin's
    /// <c>GET admin/version</c> (<c>Apache kylin 3.1.3</c> or <c>Apache kylin 4.0.5</c> by default) and <c>ke.version</c>
    /// of Kyligence Enterprise 4.x's <c>GET system/license</c> (<c>Kyligence Enterprise 4.5.20.0</c> by default).
    /// <see langword="null"/> for the flavor's default; KAP 3.x and Kylin 5 show no version to anonymous callers.
    /// </summary>
    public string? Version { get; set; }

    /// <summary>
    /// The port to listen on, on <c>127.0.0.1</c> only; 0 (the default) takes a free one, which is what tests want.
    /// A fixed port serves a standalone emulator that others are told the address of.
    /// </summary>
    public int Port { get; set; }
}
