using System.Text.Json.Nodes;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.Cli.Tests;

public sealed class ConfigurationSourceTests
{
    [Fact]
    public async Task AConfigFileGivenByARelativePathIsReadFromTheCurrentFolder()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var ugc = new Ugc();
        Directory.CreateDirectory(Path.Combine(ugc.Folder, "conf"));
        await File.WriteAllTextAsync(Path.Combine(ugc.Folder, "conf", "other.json"), new JsonObject { ["Backends"] = new JsonObject { ["ops"] = Backends.JumpServer(jms) } }.ToJsonString());

        var result = await ugc.RunAsync("backends", "--config", Path.Combine("conf", "other.json"), "--json");

        Assert.Equal(0, result.ExitCode);
        var backend = Assert.Single(result.Json["backends"]!.AsArray())!;
        Assert.Equal("ops", (string?)backend["name"]);
        Assert.True((bool?)backend["answers"]);
    }

    [Fact]
    public async Task AFileThatIsNotJsonIsOneLineNamingTheFileAndNoValue()
    {
        using var ugc = new Ugc();
        var file = Path.Combine(ugc.Folder, "ugc.json");
        await File.WriteAllTextAsync(file, """{"Backends": {"ops": {"Credentials": {"Secret": "s3cret-in-a-broken-file" """);

        var result = await ugc.RunAsync("groups", "list", "--backend", "ops");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("ugc: ", line, StringComparison.Ordinal);
        Assert.Contains(file, line, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-in-a-broken-file", line, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task WithoutAnyFileOrUserFolderTheEnvironmentAloneConfiguresTheBackends()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var key = jms.AddAccessKey(JumpServerEmulator.AdminUsername);
        using var ugc = new Ugc();
        var console = new OwnConsole(ugc.Folder)
        {
            UserConfigDirectory = null,
            Environment = new Dictionary<string, string>
            {
                ["UGC_Backends__ops__Dialect"] = "JumpServer",
                ["UGC_Backends__ops__BaseAddress"] = jms.BaseAddress.ToString(),
                ["UGC_Backends__ops__Credentials__Type"] = "AccessKey",
                ["UGC_Backends__ops__Credentials__KeyId"] = key.Id,
                ["UGC_Backends__ops__Credentials__Secret"] = key.Secret,
            },
        };

        var result = await console.RunAsync("backends", "--json");

        Assert.Equal(0, result.ExitCode);
        var backend = Assert.Single(result.Json["backends"]!.AsArray())!;
        Assert.Equal("ops", (string?)backend["name"]);
        Assert.True((bool?)backend["answers"]);
        Assert.Equal("", result.Error);
    }
}
