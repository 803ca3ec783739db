using System.Text.Json.Nodes;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.Cli.Tests;

/// <summary>A desired-state file that cannot be used: plan says why on standard error, exits 1 and sends nothing.</summary>
public sealed class DesiredStateFileTests
{
    [Fact]
    public async Task AMissingFileIsNamed()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });

        var plan = await ugc.RunAsync("plan", "--backend", "ops", "-f", "nowhere.json");

        Assert.Equal(1, plan.ExitCode);
        Assert.Equal($"ugc: The desired-state file '{Path.Combine(ugc.Folder, "nowhere.json")}' does not exist.", plan.Error.Trim());
        Assert.Equal("", plan.Output);
    }

    [Fact]
    public async Task AFileThatIsNotJsonIsRefusedWithTheParsersReason()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });
        await File.WriteAllTextAsync(Path.Combine(ugc.Folder, "groups.json"), """{"groups": [{"name": "ops"}""");

        var plan = await ugc.RunAsync("plan", "--backend", "ops", "-f", "groups.json");

        Assert.Equal(1, plan.ExitCode);
        Assert.StartsWith($"ugc: The desired-state file '{Path.Combine(ugc.Folder, "groups.json")}' is not valid: ", plan.Error, StringComparison.Ordinal);
        Assert.Contains("LineNumber: 0", plan.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"groups": null}""")]
    [InlineData("""{"groups": [{"name": " "}]}""")]
    [InlineData("""{"groups": [{"name": "ops"}, {"comment": "no name"}]}""")]
    [InlineData("""{"groups": [{"name": "ops"}, null]}""")]
    public async Task AFileWithoutGroupsOrWithANamelessGroupIsRefused(string text)
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });
        await File.WriteAllTextAsync(Path.Combine(ugc.Folder, "groups.json"), text);
        jms.Journal.Clear();

        var plan = await ugc.RunAsync("plan", "--backend", "ops", "-f", "groups.json");

        Assert.Equal(1, plan.ExitCode);
        Assert.Equal(
            $"ugc: The desired-state file '{Path.Combine(ugc.Folder, "groups.json")}' is not valid: it needs \"groups\", each with a \"name\".",
            plan.Error.Trim());
        Assert.Empty(jms.Journal.Entries);
    }

    [Fact]
    public async Task CommentsAndTrailingCommasAreAllowed()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });
        await File.WriteAllTextAsync(Path.Combine(ugc.Folder, "groups.json"), """
            // the on-call team
            {"groups": [{"name": "platform",},],}
            """);

        var plan = await ugc.RunAsync("plan", "--backend", "ops", "-f", "groups.json", "--json");

        Assert.Equal(0, plan.ExitCode);
        Assert.Equal("platform", (string?)Assert.Single(plan.Json["changes"]!.AsArray())!["group"]);
    }
}
