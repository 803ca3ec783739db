namespace UserGroupClient.Testing.Owl;

/// <summary>Settings for <see cref="OwlEmulator.StartAsync(OwlEmulatorOptions?, CancellationToken)"/>; read once at start.</summary>
public sealed class OwlEmulatorOptions
{
    /// <summary>The clock for token expiry and journal timestamps; the system clock by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How long a JWT from login or refresh stays valid; seven days by default, as Owl v4's <c>Timeout</c>.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long after login a token may still be refreshed; seven days by default, as Owl v4's <c>MaxRefresh</c>.</summary>
    public TimeSpan MaxRefresh { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// What deleting a host group that still holds hosts does: <see cref="OwlHostGroupDeleteMode.Cascade"/> (Owl v4's
    /// code) by default; <see cref="OwlHostGroupDeleteMode.Refuse"/> applies the vendor documentation's rule.
    /// </summary>
    public OwlHostGroupDeleteMode HostGroupDeleteMode { get; set; } = OwlHostGroupDeleteMode.Cascade;

    /// <summary>
    /// Whether <c>POST /api/v1/usergroups</c> applies a new name. Owl v4 reloads the group before saving, so the stored
    /// name wins; <see langword="false"/> (the default) imitates that.
    /// </summary>
    public bool ApplyUserGroupRenames { get; set; }

    /// <summary>
    /// The port to listen on, on <c>127.0.0.1</c> only; 0 (the default) takes a free one, which is what tests want.
    /// A fixed port serves a standalone emulator that others are told the address of.
    /// </summary>
    public int Port { get; set; }
}
