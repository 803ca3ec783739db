using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.IntegrationTests.Robustness;

/// <summary>
/// Backends registered from configuration by <c>AddUserGroupBackends</c>: neither a refused setting, a refused
/// credential nor anything the backend's services report shows the secret the configuration holds.
/// </summary>
public sealed class BackendsSecretLeakTests
{
    private const string Secret = "backend-secret-5e1f0c2b9a77";

    [Fact]
    public async Task ABackendWhoseCredentialIsRefusedKeepsItsSecretOutOfEverythingItReports()
    {
        using var capture = new TelemetryCapture();
        await using var jms = await JumpServerEmulator.StartAsync();
        var key = jms.AddAccessKey(JumpServerEmulator.AdminUsername);
        var services = new ServiceCollection();
        services.AddSingleton(capture.LoggerFactory);
        services.AddUserGroupBackends(Configuration(new Dictionary<string, string?>
        {
            ["Backends:ops:Dialect"] = "JumpServer",
            ["Backends:ops:BaseAddress"] = jms.BaseAddress.ToString(),
            ["Backends:ops:Resilience:Enabled"] = "false",
            ["Backends:ops:Credentials:Type"] = "AccessKey",
            ["Backends:ops:Credentials:KeyId"] = key.Id,
            ["Backends:ops:Credentials:Secret"] = Secret,
        }).GetSection("Backends"));
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => provider.GetRequiredKeyedService<IUserGroupService>("ops").ListGroupsAsync().ToListAsync().AsTask());
        capture.Add(error);
        capture.Add(provider.GetRequiredService<IOptionsMonitor<UserGroupClient.JumpServer.JumpServerClientOptions>>().Get("ops").ToString() ?? "");
        capture.Add(string.Join(", ", provider.GetServices<UserGroupBackend>()));

        Assert.True(capture.LogEvents > 0);
        Assert.All(capture.Texts, text => Assert.DoesNotContain(Secret, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABackendWithAnIncompleteCredentialFailsAtStartNamingTheKeyNotTheSecret()
    {
        var services = new ServiceCollection();
        services.AddUserGroupBackends(Configuration(new Dictionary<string, string?>
        {
            ["Backends:ops:Dialect"] = "JumpServer",
            ["Backends:ops:BaseAddress"] = "https://jms.example.com",
            ["Backends:ops:Credentials:Type"] = "AccessKey",
            ["Backends:ops:Credentials:Secret"] = Secret,
        }).GetSection("Backends"));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Backends:ops:Credentials:KeyId", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    private static IConfigurationRoot Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
