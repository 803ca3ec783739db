using System.Net;
using UserGroupClient.Http;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// Disposing a client releases what it owns: the server sees the connections of its own transports closed (those of
/// its calls and those of its logins), and a call made afterwards is refused without anything being sent.
/// </summary>
public sealed class ClientDisposalTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";
    private const string GroupJson = $$"""{"id":"{{GroupId}}","name":"ops","comment":"","users":[]}""";
    private const string LoginJson = """{"token":"tok-1","keyword":"Bearer","date_expired":"2099/01/01 00:00:00 +0800"}""";

    // Long enough for a loaded machine: the close is sent when the client is disposed, not after a delay.
    private static readonly TimeSpan CloseSeen = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task DisposingAClientWithItsOwnTransportClosesItsConnectionToTheServer()
    {
        using var server = new LoopbackServer(_ => (HttpStatusCode.OK, GroupJson));
        var client = new JumpServerClient(Options(server.BaseAddress, JumpServerCredentials.Bearer("t")));
        Assert.Equal("ops", (await client.UserGroups.GetAsync(GroupId)).Name);
        Assert.False(server.ConnectionClosed.IsCompleted);

        client.Dispose();

        await server.ConnectionClosed.WaitAsync(CloseSeen);
    }

    [Fact]
    public async Task DisposingAClientOverTheCallersClientClosesTheConnectionOfItsLogins()
    {
        using var server = new LoopbackServer(_ => (HttpStatusCode.Created, LoginJson));
        using var http = new HttpClient(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, GroupJson)));
        var client = new JumpServerClient(Options(server.BaseAddress, JumpServerCredentials.Password("alice", "alice-password")), http);
        Assert.Equal("ops", (await client.UserGroups.GetAsync(GroupId)).Name);
        Assert.Equal(["POST /api/v1/authentication/auth/"], server.Requests);

        client.Dispose();

        await server.ConnectionClosed.WaitAsync(CloseSeen);
    }

    [Fact]
    public async Task ACallAfterTheClientIsDisposedIsRefusedAndSendsNothing()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, GroupJson));
        using var jumpServer = new JumpServerStub(stub);

        jumpServer.Client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => jumpServer.Client.UserGroups.GetAsync(GroupId));
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task AnExchangeSentByHandAfterTheConnectionIsDisposedIsRefusedAndSendsNothing()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        var options = Options(new Uri("https://jms.example.com/"), JumpServerCredentials.Bearer("t"));
        var connection = ClientPipeline.Connect(stub, options, "test", JumpServerErrorMapper.Instance, ClientPipeline.CreateKnownSecrets(options));

        connection.Dispose();

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("https://jms.example.com/api/v1/authentication/auth/"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => connection.Pipeline.SendAsync(request, CancellationToken.None));
        Assert.Empty(stub.Requests);
    }

    private static JumpServerClientOptions Options(Uri baseAddress, JumpServerCredentials credentials)
    {
        var options = new JumpServerClientOptions { BaseAddress = baseAddress, Credentials = credentials };
        options.Resilience.Enabled = false;
        return options;
    }
}
