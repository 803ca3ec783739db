using Microsoft.Extensions.Configuration;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.Kylin;

namespace MultiBackend;

/// <summary>
/// Starts a JumpServer and a Kylin emulator with a few groups, and layers their addresses and credentials over the
/// configuration, so everything else (resilience, project, organization) still comes from appsettings.json.
/// </summary>
internal sealed class EmulatedBackends : IAsyncDisposable
{
    private readonly JumpServerEmulator _jumpServer;
    private readonly KylinEmulator _kylin;

    private EmulatedBackends(JumpServerEmulator jumpServer, KylinEmulator kylin)
    {
        _jumpServer = jumpServer;
        _kylin = kylin;
    }

    public static async Task<EmulatedBackends> StartAsync(IConfigurationManager configuration)
    {
        var jumpServer = await JumpServerEmulator.StartAsync();
        var kylin = await KylinEmulator.StartAsync();
        foreach (var name in new[] { "platform", "data-science", "on-call" })
        {
            jumpServer.AddGroup(name);
        }

        var key = jumpServer.AddAccessKey(JumpServerEmulator.AdminUsername);
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Backends:ops-jms:BaseAddress"] = jumpServer.BaseAddress.ToString(),
            ["Backends:ops-jms:Credentials:KeyId"] = key.Id,
            ["Backends:ops-jms:Credentials:Secret"] = key.Secret,
            ["Backends:bi-kylin:BaseAddress"] = kylin.BaseAddress.ToString(),
            ["Backends:bi-kylin:Credentials:UserName"] = KylinEmulator.AdminUsername,
            ["Backends:bi-kylin:Credentials:Password"] = KylinEmulator.AdminPassword,
        });
        return new EmulatedBackends(jumpServer, kylin);
    }

    public async ValueTask DisposeAsync()
    {
        await _jumpServer.DisposeAsync();
        await _kylin.DisposeAsync();
    }
}
