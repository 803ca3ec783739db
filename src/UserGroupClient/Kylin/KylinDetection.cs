namespace UserGroupClient.Kylin;

/// <summary>A detected flavor and what showed it (the version the server reported, or the code of its refusal).</summary>
internal sealed record KylinDetection(KylinFlavor Flavor, string Evidence);
