using System.Text.Json.Nodes;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.Cli.Tests;

public sealed class BackendsCommandTests
{
    [Fact]
    public async Task BackendsTellsWhichBackendAnswersWithOneRequestEach()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        await using var kylin = await KylinEmulator.StartAsync();
        var refused = Backends.Kylin(kylin);
        refused["Credentials"]!["Password"] = "not-the-password-4711";
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms), ["bi"] = refused });
        jms.Journal.Clear();

        var result = await ugc.RunAsync("backends", "--json");

        Assert.Equal(1, result.ExitCode);
        var backends = JsonShape.Array(JsonShape.Object(result.Json, "backends")["backends"], JsonShape.Backend);
        var ops = backends.Single(b => (string?)b!["name"] == "ops")!;
        Assert.Equal("JumpServer", (string?)ops["dialect"]);
        Assert.True((bool?)ops["answers"]);
        Assert.True((bool?)ops["userDirectory"]);
        Assert.Equal(jms.BaseAddress.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped), (string?)ops["address"]);
        var bi = backends.Single(b => (string?)b!["name"] == "bi")!;
        Assert.False((bool?)bi["answers"]);
        Assert.Equal("Kylin", (string?)bi["dialect"]);
        Assert.True((bool?)bi["userDirectory"]);
        Assert.False(string.IsNullOrEmpty((string?)bi["error"]));
        Assert.Single(jms.Journal.Entries);
        Assert.DoesNotContain("not-the-password-4711", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecretFromTheEnvironmentCompletesTheFileAndNeverPrints()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var entry = Backends.JumpServer(jms);
        var secret = (string)entry["Credentials"]!["Secret"]!;
        entry["Credentials"]!["Secret"] = "set-in-the-environment";
        using var ugc = new Ugc(new JsonObject { ["ops"] = entry }, new Dictionary<string, string> { ["UGC_Backends__ops__Credentials__Secret"] = secret });

        var table = await ugc.RunAsync("backends");
        var json = await ugc.RunAsync("backends", "--json");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("ops", table.Output, StringComparison.Ordinal);
        Assert.True((bool?)json.Json["backends"]![0]!["answers"]);
        Assert.DoesNotContain(secret, table.Output + table.Error + json.Output + json.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongSecretFromTheEnvironmentFailsWithoutShowingIt()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var ugc = new Ugc(new JsonObject { ["ops"] = Backends.JumpServer(jms) }, new Dictionary<string, string> { ["UGC_Backends__ops__Credentials__Secret"] = "wrong-secret-0f9e8d7c6b5a" });

        var list = await ugc.RunAsync("groups", "list", "--backend", "ops");
        var backends = await ugc.RunAsync("backends");

        Assert.Equal(1, list.ExitCode);
        Assert.StartsWith("ugc: ", list.Error, StringComparison.Ordinal);
        Assert.Equal(1, backends.ExitCode);
        Assert.DoesNotContain("wrong-secret-0f9e8d7c6b5a", list.Output + list.Error + backends.Output + backends.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutALocalFileTheUsersConfigurationFolderIsRead()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var ugc = new Ugc();
        var folder = Directory.CreateDirectory(Path.Combine(ugc.Folder, "no-user-config", "ugc")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "ugc.json"), new JsonObject { ["Backends"] = new JsonObject { ["home"] = Backends.JumpServer(jms) } }.ToJsonString());

        var result = await ugc.RunAsync("backends", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("home", (string?)result.Json["backends"]![0]!["name"]);
    }

    [Fact]
    public async Task AConfigFileThatIsNotThereIsAClearError()
    {
        using var ugc = new Ugc();

        var result = await ugc.RunAsync("backends", "--config", "missing.json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"ugc: The configuration file '{Path.Combine(ugc.Folder, "missing.json")}' does not exist.", result.Error.Trim());
    }

    [Fact]
    public async Task ABackendWithAnUnknownDialectIsReportedByItsKey()
    {
        using var ugc = new Ugc(new JsonObject { ["ops"] = new JsonObject { ["Dialect"] = "Gitlab" } });

        var result = await ugc.RunAsync("backends");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Backends:ops:Dialect 'Gitlab' is not one of JumpServer, MinApp, Kylin, OwlHostGroups, OwlUserGroups", result.Error, StringComparison.Ordinal);
    }
}
