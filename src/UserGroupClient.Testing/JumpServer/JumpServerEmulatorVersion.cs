namespace UserGroupClient.Testing.JumpServer;

/// <summary>The JumpServer release line a <see cref="JumpServerEmulator"/> imitates.</summary>
#pragma warning disable CA1707 // The names mirror the release numbers, and SDK tests are written against them.
public enum JumpServerEmulatorVersion
{
    /// <summary>
    /// v2.28: group <c>users</c> are id strings and <c>users_amount</c> is in every response; no labels, no SYSTEM
    /// organization; access key secrets are UUID strings; <c>limit</c> capped at 100.
    /// </summary>
    V2_28,

    /// <summary>
    /// v3.10.2 and later v3.10 releases: detail <c>users</c> are <c>{id, name, is_service_account}</c> objects,
    /// list items carry <c>users_amount</c> instead; <c>limit</c> capped at 10000; unpaged lists are not cut.
    /// </summary>
    V3_10,

    /// <summary>
    /// v4.10.8 to v4.10.14 (the default): as <see cref="V3_10"/>, plus group lookup by name, <c>id__in</c> and <c>q</c>
    /// filters, <c>limit</c> capped at 1000, and unpaged lists silently cut to 200 rows.
    /// </summary>
    V4_10,
}
#pragma warning restore CA1707
