using System.Text.Json.Nodes;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.Cli.Tests;

public sealed class EmulatorEntryTests
{
    [Theory]
    [InlineData("Kap3", true)]
    [InlineData("Apache3", true)]
    [InlineData("Apache4", true)]
    [InlineData("KyligenceEnterprise4", false)]
    [InlineData("Kylin5", false)]
    public async Task AKylinEntryNamesItsFlavorAndAProjectOnlyWhereGroupsArePerProject(string flavor, bool perProject)
    {
        using var ugc = new Ugc();
        using var stop = new CancellationTokenSource();
        var run = ugc.Start(stop.Token, "emulator", "Kylin", "--kylin-flavor", flavor, "--json");
        var printed = JsonNode.Parse(await run.Output.WaitForAsync(EndsAJsonDocument, run.Exit))!;
        await stop.CancelAsync();
        Assert.Equal(0, await run.Exit);

        var expected = new JsonObject
        {
            ["Dialect"] = "Kylin",
            ["BaseAddress"] = (string?)printed["address"],
            ["Credentials"] = new JsonObject { ["Type"] = "Basic", ["UserName"] = KylinEmulator.AdminUsername, ["Password"] = KylinEmulator.AdminPassword },
            ["Flavor"] = flavor,
        };
        if (perProject)
        {
            expected["Project"] = "learn_kylin";
        }

        var entry = printed["configuration"]!["Backends"]!["kylin"]!;
        Assert.True(JsonNode.DeepEquals(expected, entry), entry.ToJsonString());
    }

    [Fact]
    public async Task ThePrintedConfigurationIsIndentedForPeopleToCopy()
    {
        using var ugc = new Ugc();
        using var stop = new CancellationTokenSource();
        var run = ugc.Start(stop.Token, "emulator", "JumpServer");
        var printed = await run.Output.WaitForAsync(EndsAJsonDocument, run.Exit);
        await stop.CancelAsync();
        Assert.Equal(0, await run.Exit);

        var lines = printed.Split(Environment.NewLine);
        var start = Array.IndexOf(lines, "A ugc.json for it (then: ugc backends):");
        Assert.Equal(["{", "  \"Backends\": {", "    \"jumpserver\": {", "      \"Dialect\": \"JumpServer\","], lines[(start + 1)..(start + 5)]);
    }

    [Fact]
    public async Task TheJsonDocumentIsIndentedAndStoppingIsToldOnStandardErrorOnly()
    {
        using var ugc = new Ugc();
        using var stop = new CancellationTokenSource();
        var run = ugc.Start(stop.Token, "emulator", "OwlUserGroups", "--json");
        var printed = await run.Output.WaitForAsync(EndsAJsonDocument, run.Exit);
        Assert.Equal("", run.Error.Text);
        await stop.CancelAsync();

        Assert.Equal(0, await run.Exit);
        Assert.StartsWith("{" + Environment.NewLine + "  \"dialect\": \"OwlUserGroups\"," + Environment.NewLine, printed, StringComparison.Ordinal);
        Assert.Equal(printed, run.Output.Text);
        Assert.Equal("ugc: emulator stopped." + Environment.NewLine, run.Error.Text);
    }

    /// <summary>The emulator's whole description is out: it is written at once and ends with the configuration's brace.</summary>
    private static bool EndsAJsonDocument(string text) => text.TrimEnd().EndsWith('}');
}
