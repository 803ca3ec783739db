namespace UserGroupClient.Testing.Kylin;

/// <summary>
/// Which Kylin server a <see cref="KylinEmulator"/> behaves as (docs/wire/kylin.md §10–§12): each flavor has its own
/// user-group API, media types, paging, errors, authentication answers and default users.
/// </summary>
public enum KylinEmulatorFlavor
{
    /// <summary>
    /// KAP / Kyligence Enterprise 3.x and its v2 <c>user_group</c> API (<c>Accept: application/vnd.apache.kylin-v2+json</c>),
    /// the default: no built-in group guard, removals from <c>ALL_USERS</c> stick, three wrong passwords lock for 30 seconds.
    /// </summary>
    Kap3,

    /// <summary>
    /// Apache Kylin 3.x (3.1.3): the <c>application/json</c> <c>user_group</c> API with a map of groups and row-offset
    /// paging, Tomcat 7 error pages, <c>ALL_USERS</c> and <c>ROLE_ADMIN</c> guarded, <c>ALL_USERS</c> re-added on every
    /// save, no account lock.
    /// </summary>
    Apache3,

    /// <summary>Apache Kylin 4.x (4.0.5): as <see cref="Apache3"/>, with Tomcat 8.5 and Jackson 2's error texts.</summary>
    Apache4,

    /// <summary>
    /// Kyligence Enterprise 4.x (the last builds before the open-core split): the v4-public open API
    /// (<c>application/vnd.apache.kylin-v4-public+json</c>) beside the v4 UI API, <c>KE-…</c> error codes in the message,
    /// transactional member updates, case-insensitive group names, escalating account locks.
    /// </summary>
    KyligenceEnterprise4,

    /// <summary>Apache Kylin 5: as <see cref="KyligenceEnterprise4"/>, with <c>error_code</c> and <c>suggestion</c> in error bodies and its own 401 texts.</summary>
    Kylin5,
}
