namespace UserGroupClient.Kylin;

/// <summary>A flavor and the unified service's operations on its API.</summary>
internal readonly record struct KylinServer(KylinFlavor Flavor, IKylinServiceWire Wire);
