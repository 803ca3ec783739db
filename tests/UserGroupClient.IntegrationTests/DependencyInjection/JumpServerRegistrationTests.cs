using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UserGroupClient.JumpServer;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.IntegrationTests.DependencyInjection;

public sealed class JumpServerRegistrationTests
{
    [Fact]
    public async Task TwoNamedBackendsResolveAsKeyedServicesAndTypedClients()
    {
        await using var east = await JumpServerEmulator.StartAsync();
        await using var west = await JumpServerEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddJumpServerClient("east", o =>
        {
            o.BaseAddress = east.BaseAddress;
            o.Credentials = JumpServerCredentials.PrivateToken(east.AddPrivateToken(JumpServerEmulator.AdminUsername));
        });
        services.AddJumpServerClient("west", o =>
        {
            o.BaseAddress = west.BaseAddress;
            o.Credentials = JumpServerCredentials.Password(JumpServerEmulator.AdminUsername, JumpServerEmulator.AdminPassword);
        });
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        await provider.GetRequiredKeyedService<IUserGroupService>("east").CreateGroupAsync(new NewUserGroup("east-ops"));
        await provider.GetRequiredKeyedService<IUserGroupService>("west").CreateGroupAsync(new NewUserGroup("west-ops"));
        await provider.GetRequiredKeyedService<JumpServerClient>("west").UserGroups.ListAsync();

        Assert.Equal(["east-ops"], east.GetGroups().Select(g => g.Name));
        Assert.Equal(["west-ops"], west.GetGroups().Select(g => g.Name));
        Assert.Same(provider.GetRequiredKeyedService<JumpServerClient>("east"), provider.GetRequiredKeyedService<JumpServerClient>("east"));
    }

    [Fact]
    public async Task ThePasswordTokenIsCachedAcrossCalls()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddJumpServerClient("jms", o =>
        {
            o.BaseAddress = emulator.BaseAddress;
            o.Credentials = JumpServerCredentials.Password(JumpServerEmulator.AdminUsername, JumpServerEmulator.AdminPassword);
        });
        await using var provider = services.BuildServiceProvider();
        var groups = provider.GetRequiredKeyedService<IUserGroupService>("jms");

        for (var i = 0; i < 5; i++)
        {
            await groups.FindGroupByNameAsync("nothing");
        }

        Assert.Equal(1, emulator.Journal.Entries.Count(e => e.Path == "/api/v1/authentication/auth/"));
    }

    [Fact]
    public async Task OptionsAreReadFromConfiguration()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        var key = emulator.AddAccessKey(JumpServerEmulator.AdminUsername);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Backends:Jms:BaseAddress"] = emulator.BaseAddress.ToString(),
            ["Backends:Jms:OrganizationId"] = JumpServerOrganizations.Default,
            ["Backends:Jms:MaxPageSize"] = "500",
            ["Backends:Jms:Resilience:MaxRetryAttempts"] = "1",
            ["Backends:Jms:Credentials:Type"] = "AccessKey",
            ["Backends:Jms:Credentials:KeyId"] = key.Id,
            ["Backends:Jms:Credentials:Secret"] = key.Secret,
        }).Build();
        var services = new ServiceCollection();
        services.AddJumpServerClient("jms", configuration.GetSection("Backends:Jms"));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<JumpServerClientOptions>>().Get("jms");
        var group = await provider.GetRequiredKeyedService<IUserGroupService>("jms").CreateGroupAsync(new NewUserGroup("from-config"));

        Assert.Equal(500, options.MaxPageSize);
        Assert.Equal(1, options.Resilience.MaxRetryAttempts);
        Assert.Equal("from-config", group.Name);
    }

    [Fact]
    public void AMissingSettingFailsAtStartWithItsName()
    {
        var services = new ServiceCollection();
        services.AddJumpServerClient("broken", o => o.Credentials = JumpServerCredentials.Bearer("t"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("broken", error.Message, StringComparison.Ordinal);
        Assert.Contains("BaseAddress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AValueThatDoesNotParseNamesItsKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jms:BaseAddress"] = "https://jms.example.com",
            ["Jms:Resilience:MaxRetryAttempts"] = "many",
            ["Jms:Credentials:Type"] = "Bearer",
            ["Jms:Credentials:Token"] = "t",
        }).Build();
        var services = new ServiceCollection();
        services.AddJumpServerClient("jms", configuration.GetSection("Jms"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Jms:Resilience:MaxRetryAttempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AValueThatDoesNotConvertIsNotEchoed()
    {
        // A secret pasted under the wrong key must not reach a start-up failure that hosts log.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jms:BaseAddress"] = "https://jms.example.com",
            ["Jms:Timeout"] = "hunter2-secret",
            ["Jms:Credentials:Type"] = "Bearer",
            ["Jms:Credentials:Token"] = "t",
        }).Build();
        var services = new ServiceCollection();
        services.AddJumpServerClient("jms", configuration.GetSection("Jms"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Jms:Timeout", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SecretsInConfigurationNeverReachErrorMessages()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jms:BaseAddress"] = "not a url",
            ["Jms:Credentials:Type"] = "Password",
            ["Jms:Credentials:UserName"] = "admin",
            ["Jms:Credentials:Password"] = "hunter2-secret",
        }).Build();
        var services = new ServiceCollection();
        services.AddJumpServerClient("jms", configuration.GetSection("Jms"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Jms:BaseAddress", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", error.ToString(), StringComparison.Ordinal);
    }
}
