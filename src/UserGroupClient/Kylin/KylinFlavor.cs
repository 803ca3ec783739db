namespace UserGroupClient.Kylin;

/// <summary>
/// Which Kylin server a <see cref="KylinClient"/> talks to (<see cref="KylinClientOptions.Flavor"/>). The flavors speak
/// three user-group APIs: KAP / Kyligence Enterprise 3.x the v2 API (<see cref="KylinClient.UserGroups"/>), Apache
/// Kylin 3.x and 4.x the plain JSON API (<see cref="KylinClient.ApacheUserGroups"/>), Kylin 5 and Kyligence Enterprise
/// 4.x the v4-public open API (<see cref="KylinClient.OpenUserGroups"/>). The unified service
/// (<see cref="KylinClient.AsUserGroupService"/>) speaks the flavor's own.
/// </summary>
public enum KylinFlavor
{
    /// <summary>
    /// The client finds the flavor out itself, once, before the unified service's first call (or on
    /// <see cref="KylinClient.DetectFlavorAsync"/>): one unauthenticated request in most cases (see
    /// <see cref="KylinClient.DetectFlavorAsync"/>). The default.
    /// </summary>
    Auto,

    /// <summary>KAP / Kyligence Enterprise 3.x: the v2 <c>user_group</c> API (<c>application/vnd.apache.kylin-v2+json</c>).</summary>
    Kap3,

    /// <summary>Apache Kylin 3.0 – 3.1: the <c>user_group</c> API in plain <c>application/json</c>.</summary>
    Apache3,

    /// <summary>Apache Kylin 4.0: the same API as <see cref="Apache3"/>.</summary>
    Apache4,

    /// <summary>
    /// Kyligence Enterprise 4.x builds with the v4-public open API (<c>application/vnd.apache.kylin-v4-public+json</c>,
    /// from mid-2020). Earlier 4.x builds are not supported: the client says so when it meets one.
    /// </summary>
    KyligenceEnterprise4,

    /// <summary>Apache Kylin 5: the v4-public open API, as <see cref="KyligenceEnterprise4"/>.</summary>
    Kylin5,
}
