using System.Net;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.Testing.Tests.Kylin;

/// <summary>The journal and injected faults work alike in every flavor of the Kylin emulator.</summary>
public sealed class KylinFlavorHostingTests
{
    public static TheoryData<KylinEmulatorFlavor, string, string> FlavorsWithTheirListCall => new()
    {
        { KylinEmulatorFlavor.Kap3, KylinWire.V2, "user_group/groups?project=" },
        { KylinEmulatorFlavor.Apache3, "application/json", "user_group/groups" },
        { KylinEmulatorFlavor.Apache4, "application/json", "user_group/groups" },
        { KylinEmulatorFlavor.KyligenceEnterprise4, "application/vnd.apache.kylin-v4-public+json", "user_group/groups" },
        { KylinEmulatorFlavor.Kylin5, "application/vnd.apache.kylin-v4-public+json", "user_group/groups" },
    };

    [Theory]
    [MemberData(nameof(FlavorsWithTheirListCall))]
    public async Task AQueuedFaultAnswersOnceAndEveryAnswerIsJournaled(KylinEmulatorFlavor flavor, string accept, string listCall)
    {
        await using var kylin = await KylinEmulator.StartAsync(new KylinEmulatorOptions { Flavor = flavor });
        using var http = KylinWire.Client(kylin, accept: accept);
        kylin.Faults.Enqueue(new EmulatedFault(503) { Body = "busy", ContentType = "text/plain", PathPrefix = "/kylin/api/user_group/" });

        using var faulted = await http.GetAsync(listCall);
        using var served = await http.GetAsync(listCall);

        Assert.Equal(flavor, kylin.Flavor);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal([503, 200], kylin.Journal.Entries.Select(entry => entry.StatusCode));
    }
}
