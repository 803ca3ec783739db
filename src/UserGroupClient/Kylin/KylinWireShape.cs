namespace UserGroupClient.Kylin;

/// <summary>The three user-group APIs the Kylin flavors speak; each has one typed API on <see cref="KylinClient"/>.</summary>
internal enum KylinWireShape
{
    /// <summary>KAP / Kyligence Enterprise 3.x: v2 media type, page-index paging (<see cref="KylinClient.UserGroups"/>).</summary>
    KapV2,

    /// <summary>Apache Kylin 3.x/4.x: plain JSON, row-offset paging (<see cref="KylinClient.ApacheUserGroups"/>).</summary>
    Apache,

    /// <summary>Kylin 5 and Kyligence Enterprise 4.x: the v4-public open API, page-index paging (<see cref="KylinClient.OpenUserGroups"/>).</summary>
    OpenV4,
}
