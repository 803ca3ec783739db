using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace UserGroupClient.Cli.Tests;

public sealed class EmulatorCommandTests
{
    [Theory]
    [InlineData("JumpServer")]
    [InlineData("MinApp")]
    [InlineData("Kylin")]
    [InlineData("OwlHostGroups")]
    [InlineData("OwlUserGroups")]
    public async Task TheEmulatorServesThePrintedBackendEntryThroughTheSdkUntilCancelled(string dialect)
    {
        using var ugc = new Ugc();
        using var stop = new CancellationTokenSource();
        var run = ugc.Start(stop.Token, "emulator", dialect, "--json");
        var printed = JsonNode.Parse(await run.Output.WaitForAsync(IsJson, run.Exit))!;
        var address = new Uri((string)printed["address"]!);
        var entry = printed["configuration"]!["Backends"]![dialect.ToLowerInvariant()]!;

        Assert.Equal(dialect, (string?)printed["dialect"]);
        Assert.Equal("127.0.0.1", address.Host);
        Assert.Equal(address.ToString(), (string?)entry["BaseAddress"]);
        Assert.True(JsonNode.DeepEquals(printed["credentials"], entry["Credentials"]));

        // Standard input has already ended (an empty reader): that is no reason to stop, so the server still answers.
        await using (var provider = Services(printed["configuration"]!))
        {
            var groups = provider.GetRequiredKeyedService<IUserGroupService>(dialect.ToLowerInvariant());
            var created = await groups.CreateGroupAsync(new NewUserGroup("tried-it"));
            var listed = await groups.ListGroupsAsync().ToListAsync();
            Assert.Contains(listed, g => g.Id == created.Id && g.Name == "tried-it");
        }

        Assert.False(run.Exit.IsCompleted);
        await stop.CancelAsync();

        Assert.Equal(0, await run.Exit);
        Assert.Contains("emulator stopped", run.Error.Text, StringComparison.Ordinal);
        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(address));
    }

    [Fact]
    public async Task TheEmulatorListensOnTheGivenPortAndPrintsItsAddressForPeople()
    {
        var port = FreePort();
        using var ugc = new Ugc();
        using var stop = new CancellationTokenSource();
        var run = ugc.Start(stop.Token, "emulator", "OwlUserGroups", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var printed = await run.Output.WaitForAsync(text => text.TrimEnd().EndsWith('}'), run.Exit);

        Assert.StartsWith($"OwlUserGroups emulator listening on http://127.0.0.1:{port}/ (Ctrl+C stops it).", printed, StringComparison.Ordinal);
        Assert.Contains("Credentials (Password): UserName admin, Password admin", printed, StringComparison.Ordinal);
        var configuration = JsonNode.Parse(printed[printed.IndexOf('{', StringComparison.Ordinal)..])!;
        Assert.Equal($"http://127.0.0.1:{port}/", (string?)configuration["Backends"]!["owlusergroups"]!["BaseAddress"]);

        await stop.CancelAsync();
        Assert.Equal(0, await run.Exit);
    }

    [Fact]
    public async Task ATakenPortFailsWithExitCode1AndSaysWhichPort()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var ugc = new Ugc();

        var result = await ugc.RunAsync("emulator", "Kylin", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"ugc: cannot listen on 127.0.0.1:{port}: ", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Theory]
    [InlineData("70000")]
    [InlineData("-1")]
    public async Task APortOutOfRangeIsRefusedBeforeAnyServerStarts(string port)
    {
        using var ugc = new Ugc();

        var result = await ugc.RunAsync("emulator", "JumpServer", "--port", port);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--port must be between 0 and 65535.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("listening", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Apache4", false)]
    [InlineData("Kylin5", true)]
    public async Task AKylinEmulatorPlaysTheFlavorAskedForAndItsEntryNamesIt(string flavor, bool namesIgnoreCase)
    {
        using var ugc = new Ugc();
        using var stop = new CancellationTokenSource();
        var run = ugc.Start(stop.Token, "emulator", "Kylin", "--kylin-flavor", flavor, "--json");
        var printed = JsonNode.Parse(await run.Output.WaitForAsync(IsJson, run.Exit))!;

        Assert.Equal(flavor, (string?)printed["configuration"]!["Backends"]!["kylin"]!["Flavor"]);
        await using (var provider = Services(printed["configuration"]!))
        {
            var groups = provider.GetRequiredKeyedService<IUserGroupService>("kylin");
            await groups.CreateGroupAsync(new NewUserGroup("tried-it"));

            // Kylin 5 keeps names unique ignoring case, Apache Kylin compares them exactly: the server is the flavor named.
            if (namesIgnoreCase)
            {
                await Assert.ThrowsAsync<UserGroupConflictException>(() => groups.CreateGroupAsync(new NewUserGroup("TRIED-IT")));
            }
            else
            {
                await groups.CreateGroupAsync(new NewUserGroup("TRIED-IT"));
                Assert.Contains(await groups.ListGroupsAsync().ToListAsync(), g => g.Name == "TRIED-IT");
            }
        }

        await stop.CancelAsync();
        Assert.Equal(0, await run.Exit);
    }

    private static bool IsJson(string text)
    {
        try
        {
            return text.Length > 0 && JsonNode.Parse(text) is not null;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static ServiceProvider Services(JsonNode configuration)
    {
        var root = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(configuration.ToJsonString()))).Build();
        return new ServiceCollection().AddUserGroupBackends(root.GetSection("Backends")).BuildServiceProvider();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
