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

    /// <summary>
    /// Whether deleting <c>ALL_USERS</c> or <c>ROLE_ADMIN</c> (in any case) is refused with HTTP 500
    /// <c>Can not delete group &lt;name&gt;</c>, as Apache Kylin 3.x/4.x guard them. <see langword="false"/> by default,
    /// as KAP / Kyligence Enterprise 3.x: any group is deleted, built-in ones included, after it is stripped from every user.
    /// </summary>
    public bool GuardBuiltInGroups { get; set; }

    /// <summary>
    /// Whether every save of a user puts it back in <c>ALL_USERS</c>, as Apache Kylin 3.x/4.x do, so that a member update
    /// that leaves users out of <c>ALL_USERS</c> is undone at once. <see langword="false"/> by default, as KAP / Kyligence
    /// Enterprise 3.x: such a removal sticks (users created with <see cref="KylinEmulator.AddUser"/> start in <c>ALL_USERS</c>).
    /// </summary>
    public bool ReAddAllUsersOnSave { get; set; }

    /// <summary>
    /// Whether the emulator serves the v2 <c>user_group</c> API (<see cref="KylinV2Answer.Served"/>, the default: KAP /
    /// Kyligence Enterprise 3.x) or refuses v2 requests as Apache Kylin 3.x/4.x or Kylin 5 / Kyligence Enterprise 4.x do.
    /// </summary>
    public KylinV2Answer V2Answer { get; set; } = KylinV2Answer.Served;
}
