using System.Text.Json.Nodes;
using UserGroupClient.Testing.Owl;

namespace UserGroupClient.Cli.Tests;

public sealed class AmbiguousMemberNameTests
{
    [Fact]
    public async Task ANameSeveralHostsCarryChangesNothingAndPointsToIds()
    {
        await using var owl = await OwlEmulator.StartAsync();
        owl.AddHost("web", "10.0.0.1");
        owl.AddHost("web", "10.0.0.2");
        owl.AddHost("db", "10.0.0.3");
        var group = owl.AddHostGroup("frontend");
        using var ugc = new Ugc(new JsonObject { ["hosts"] = Backends.Owl(owl, "OwlHostGroups") });

        var result = await ugc.RunAsync("members", "add", "--backend", "hosts", "frontend", "db", "web");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("ugc: Backend 'hosts' has several hosts named 'web'; nothing was changed (use --ids)." + Environment.NewLine, result.Error);
        Assert.Equal("", result.Output);
        Assert.Empty(owl.GetHostGroups().Single(g => g.Id == group.Id).HostIds);
    }
}
