using System.Text.Json.Nodes;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.Cli.Tests;

/// <summary>
/// An apply that fails midway: groups.json creates a-team, then adds alice to b-team and c-team, and the first member
/// change is answered with HTTP 500 once (resilience off, so it is not retried).
/// </summary>
internal sealed class MidwayFailure : IAsyncDisposable
{
    private MidwayFailure(JumpServerEmulator jms, JumpServerEmulatedUser alice, Ugc ugc)
    {
        Jms = jms;
        Alice = alice;
        Ugc = ugc;
    }

    public JumpServerEmulator Jms { get; }

    public JumpServerEmulatedUser Alice { get; }

    public Ugc Ugc { get; }

    public static async Task<MidwayFailure> StartAsync()
    {
        var jms = await JumpServerEmulator.StartAsync();
        var alice = jms.AddUser("alice", "Alice");
        jms.AddGroup("b-team");
        jms.AddGroup("c-team");
        var entry = Backends.JumpServer(jms);
        entry["Resilience"] = new JsonObject { ["Enabled"] = false };
        var ugc = new Ugc(new JsonObject { ["ops"] = entry });
        await File.WriteAllTextAsync(Path.Combine(ugc.Folder, "groups.json"), """
            {"groups": [
              {"name": "a-team", "members": []},
              {"name": "b-team", "members": ["alice"]},
              {"name": "c-team", "members": ["alice"]}
            ]}
            """);
        jms.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.InternalServerError, method: "POST", pathPrefix: "/api/v1/users/users-groups-relations/"));
        return new MidwayFailure(jms, alice, ugc);
    }

    public async ValueTask DisposeAsync()
    {
        Ugc.Dispose();
        await Jms.DisposeAsync();
    }
}
