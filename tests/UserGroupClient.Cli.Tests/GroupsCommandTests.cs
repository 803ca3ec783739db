using System.Text.Json.Nodes;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.Cli.Tests;

public sealed class GroupsCommandTests
{
    [Fact]
    public async Task GroupsAreCreatedShownChangedListedAndDeletedOnTheServer()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });

        var created = await ugc.RunAsync("groups", "create", "--backend", "ops", "platform", "--comment", "on call", "--json");
        var group = JsonShape.Object(JsonShape.Object(created.Json, "backend", "group")["group"], JsonShape.Group);
        Assert.Equal(0, created.ExitCode);
        Assert.Equal("on call", Assert.Single(jms.GetGroups(), g => g.Name == "platform").Comment);
        Assert.Equal(Assert.Single(jms.GetGroups(), g => g.Name == "platform").Id, (string?)group["id"]);

        var updated = await ugc.RunAsync("groups", "update", "-b", "ops", "platform", "--name", "platform-team", "--json");
        Assert.Equal(0, updated.ExitCode);
        Assert.Equal("platform-team", (string?)updated.Json["group"]!["name"]);
        Assert.Contains(jms.GetGroups(), g => g.Name == "platform-team" && g.Comment == "on call");

        var shown = await ugc.RunAsync("groups", "get", "-b", "ops", "platform-team", "--json");
        Assert.Equal("on call", (string?)shown.Json["group"]!["comment"]);

        var listed = await ugc.RunAsync("groups", "list", "-b", "ops", "--json");
        var groups = JsonShape.Array(JsonShape.Object(listed.Json, "backend", "groups")["groups"], JsonShape.Group);
        Assert.Contains(groups, g => (string?)g!["name"] == "platform-team");
        Assert.Equal("ops", (string?)listed.Json["backend"]);

        var deleted = await ugc.RunAsync("groups", "delete", "-b", "ops", "platform-team", "--json");
        Assert.Equal(0, deleted.ExitCode);
        Assert.Equal("platform-team", (string?)JsonShape.Object(JsonShape.Object(deleted.Json, "backend", "deleted")["deleted"], JsonShape.Group)["name"]);
        Assert.DoesNotContain(jms.GetGroups(), g => g.Name == "platform-team");
    }

    [Fact]
    public async Task TablesArePlainTextWhenTheOutputIsNoTerminal()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        jms.AddGroup("platform", comment: "on call");
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });

        var result = await ugc.RunAsync("groups", "list", "--backend", "ops");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("platform", result.Output, StringComparison.Ordinal);
        Assert.Contains("on call", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Output);
    }

    [Fact]
    public async Task AGroupThatIsNotThereFailsWithExitCodeOneNamingIt()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });

        var result = await ugc.RunAsync("groups", "delete", "--backend", "ops", "ghosts");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("ugc: Backend 'ops' has no group named 'ghosts'.", result.Error.Trim());
        Assert.DoesNotContain(jms.Journal.Entries, e => e.Method == "DELETE");
    }

    [Fact]
    public async Task AnUnknownBackendIsRefusedNamingTheConfiguredOnes()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) });

        var result = await ugc.RunAsync("groups", "list", "--backend", "opz");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("ugc: No backend 'opz'; the configured ones are ops.", result.Error.Trim());
    }

    [Fact]
    public async Task ACommentOnKylinIsRefusedBeforeAnythingIsSent()
    {
        await using var kylin = await KylinEmulator.StartAsync();
        using var ugc = new Ugc(new JsonObject { ["bi"] = Backends.Kylin(kylin) });
        kylin.Journal.Clear();

        var result = await ugc.RunAsync("groups", "create", "--backend", "bi", "analysts", "--comment", "BI team");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("ugc: ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("analysts", kylin.GetGroups());
        Assert.DoesNotContain(kylin.Journal.Entries, e => e.Method == "POST");
    }

    [Fact]
    public async Task UpdateWithNothingToChangeIsRefused()
    {
        using var ugc = new Ugc(new JsonObject { ["ops"] = new JsonObject { ["Dialect"] = "JumpServer", ["BaseAddress"] = "http://127.0.0.1:9" } });

        var result = await ugc.RunAsync("groups", "update", "--backend", "ops", "platform");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("ugc: Nothing to change: give --name, --comment or --parent.", result.Error.Trim());
    }
}
