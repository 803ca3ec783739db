using System.Diagnostics;

namespace UserGroupClient.Kylin;

/// <summary>What the SDK knows of each <see cref="KylinFlavor"/>: its API, its name in messages, its capabilities.</summary>
internal static class KylinFlavors
{
    /// <summary>The API a flavor speaks.</summary>
    public static KylinWireShape Shape(KylinFlavor flavor) => flavor switch
    {
        KylinFlavor.Apache3 or KylinFlavor.Apache4 => KylinWireShape.Apache,
        KylinFlavor.Kylin5 or KylinFlavor.KyligenceEnterprise4 => KylinWireShape.OpenV4,
        _ => KylinWireShape.KapV2,
    };

    /// <summary>The server's name, for messages: of a configured or detected flavor, never of <see cref="KylinFlavor.Auto"/>.</summary>
    public static string Describe(KylinFlavor flavor) => flavor switch
    {
        KylinFlavor.Kap3 => "KAP / Kyligence Enterprise 3.x",
        KylinFlavor.Apache3 => "Apache Kylin 3.x",
        KylinFlavor.Apache4 => "Apache Kylin 4.x",
        KylinFlavor.KyligenceEnterprise4 => "Kyligence Enterprise 4.x",
        KylinFlavor.Kylin5 => "Kylin 5",
        _ => throw new UnreachableException(),
    };

    /// <summary>The API's name, for messages.</summary>
    public static string Describe(KylinWireShape shape) => shape switch
    {
        KylinWireShape.Apache => "Apache Kylin 3.x/4.x user-group API",
        KylinWireShape.OpenV4 => "v4-public open API of Kylin 5 and Kyligence Enterprise 4.x",
        _ => "KAP / Kyligence Enterprise 3.x v2 API",
    };

    /// <summary>The <see cref="KylinClient"/> property of the API's typed endpoints.</summary>
    public static string TypedApi(KylinWireShape shape) => shape switch
    {
        KylinWireShape.Apache => nameof(KylinClient.ApacheUserGroups),
        KylinWireShape.OpenV4 => nameof(KylinClient.OpenUserGroups),
        _ => nameof(KylinClient.UserGroups),
    };

    /// <summary>
    /// What the unified service can do on a flavor; for <see cref="KylinFlavor.Auto"/> before detection, what every
    /// flavor shares. Names compare ignoring case there: that finds every name that would block a create on any flavor.
    /// </summary>
    public static UserGroupCapabilities Capabilities(KylinFlavor flavor) => new()
    {
        Dialect = "Kylin",
        SupportsRename = false,
        SupportsComment = false,
        SupportsHierarchy = false,
        SupportsSearch = true,
        SupportsParentFilter = false,
        NativeBulkDelete = false,
        NativeAddMembers = false,
        NativeRemoveMembers = false,
        NativeSetMembers = true,
        MaxPageSize = int.MaxValue,
        UniqueNames = true,
        NameComparison = flavor is KylinFlavor.Kap3 or KylinFlavor.Apache3 or KylinFlavor.Apache4
            ? StringComparison.Ordinal
            : StringComparison.OrdinalIgnoreCase,
    };
}
