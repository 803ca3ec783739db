using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace UserGroupClient.Cli.Tests;

public sealed class CancellationTests
{
    [Fact]
    public async Task ACommandCancelledWhileTheServerIsSilentSaysSoAndExits1()
    {
        // A server that takes the connection and never answers: the command waits until it is cancelled (Ctrl+C).
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/";
        using var ugc = new Ugc(new JsonObject
        {
            ["ops"] = new JsonObject
            {
                ["Dialect"] = "JumpServer",
                ["BaseAddress"] = address,
                ["Credentials"] = new JsonObject { ["Type"] = "AccessKey", ["KeyId"] = "2a5b0e9c-1111-4222-8333-944455556666", ["Secret"] = "key-secret-5d1c" },
            },
        });
        using var stop = new CancellationTokenSource();
        var run = ugc.Start(stop.Token, "groups", "list", "--backend", "ops");

        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var accepting = silent.AcceptTcpClientAsync(bound.Token).AsTask();
        Assert.True(accepting == await Task.WhenAny(accepting, run.Exit), run.Error.Text);
        using var connection = await accepting;
        await stop.CancelAsync();

        Assert.Equal(1, await run.Exit);
        Assert.Equal("ugc: cancelled." + Environment.NewLine, run.Error.Text);
        Assert.Equal("", run.Output.Text);
    }
}
