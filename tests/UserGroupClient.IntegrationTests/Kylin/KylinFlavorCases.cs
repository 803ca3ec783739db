using UserGroupClient.Kylin;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.IntegrationTests.Kylin;

/// <summary>The Kylin flavors the emulator plays, each with the SDK's name for it.</summary>
internal static class KylinFlavorCases
{
    public static readonly IReadOnlyDictionary<KylinEmulatorFlavor, KylinFlavor> Sdk = new Dictionary<KylinEmulatorFlavor, KylinFlavor>
    {
        [KylinEmulatorFlavor.Kap3] = KylinFlavor.Kap3,
        [KylinEmulatorFlavor.Apache3] = KylinFlavor.Apache3,
        [KylinEmulatorFlavor.Apache4] = KylinFlavor.Apache4,
        [KylinEmulatorFlavor.KyligenceEnterprise4] = KylinFlavor.KyligenceEnterprise4,
        [KylinEmulatorFlavor.Kylin5] = KylinFlavor.Kylin5,
    };

    /// <summary>Every flavor, with the client detecting it and with the client told.</summary>
    public static TheoryData<KylinEmulatorFlavor, bool> DetectedAndNamed()
    {
        var data = new TheoryData<KylinEmulatorFlavor, bool>();
        foreach (var flavor in Sdk.Keys)
        {
            data.Add(flavor, false);
            data.Add(flavor, true);
        }

        return data;
    }

    /// <summary>Every flavor.</summary>
    public static TheoryData<KylinEmulatorFlavor> All() => new(Sdk.Keys);
}
