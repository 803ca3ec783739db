using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace UserGroupClient.Cli.Tests;

public sealed class EmulatorPortTests
{
    [Theory]
    [InlineData("JumpServer")]
    [InlineData("MinApp")]
    [InlineData("Kylin")]
    [InlineData("OwlHostGroups")]
    public async Task EachEmulatorListensOnTheGivenPort(string dialect)
    {
        var port = FreePort();

        var address = await AddressAsync(dialect, port.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), address);
    }

    [Fact]
    public async Task PortZeroTakesAFreePort()
    {
        var address = await AddressAsync("JumpServer", "0");

        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
    }

    [Fact]
    public async Task TheHighestPortIsAccepted()
    {
        using var ugc = new Ugc();
        using var stop = new CancellationTokenSource();
        var run = ugc.Start(stop.Token, "emulator", "MinApp", "--port", "65535");

        // The port may be taken on this machine; either way it was not refused as out of range.
        await Task.WhenAny(run.Exit, run.Output.WaitForAsync(text => text.Contains("listening", StringComparison.Ordinal), run.Exit));
        await stop.CancelAsync();
        var exitCode = await run.Exit;

        Assert.DoesNotContain("--port must be between", run.Error.Text, StringComparison.Ordinal);
        if (exitCode == 0)
        {
            Assert.StartsWith("MinApp emulator listening on http://127.0.0.1:65535/ (Ctrl+C stops it).", run.Output.Text, StringComparison.Ordinal);
        }
        else
        {
            Assert.StartsWith("ugc: cannot listen on 127.0.0.1:65535: ", run.Error.Text, StringComparison.Ordinal);
        }
    }

    private static async Task<Uri> AddressAsync(string dialect, string port)
    {
        using var ugc = new Ugc();
        using var stop = new CancellationTokenSource();
        var run = ugc.Start(stop.Token, "emulator", dialect, "--port", port, "--json");
        var printed = JsonNode.Parse(await run.Output.WaitForAsync(text => text.TrimEnd().EndsWith('}'), run.Exit))!;
        await stop.CancelAsync();
        Assert.Equal(0, await run.Exit);
        var address = new Uri((string)printed["address"]!);
        Assert.Equal(address.ToString(), (string?)printed["configuration"]!["Backends"]![dialect.ToLowerInvariant()]!["BaseAddress"]);
        return address;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
