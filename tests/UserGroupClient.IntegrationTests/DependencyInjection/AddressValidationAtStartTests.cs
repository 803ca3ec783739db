using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UserGroupClient.JumpServer;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.IntegrationTests.DependencyInjection;

/// <summary>
/// The host refuses to start with a base address that carries credentials, or with Access Key signing over plain http
/// to another machine, exactly as the client constructors do.
/// </summary>
public sealed class AddressValidationAtStartTests
{
    private const string KeyId = "2a5b0e9c-1111-4222-8333-944455556666";
    private const string Secret = "Xy7Kp2Qw9Rt4Zu8Vb3Nm6Lc1Hd5Fg0Js3Ae";

    [Theory]
    [InlineData("JumpServer")]
    [InlineData("MinApp")]
    [InlineData("Kylin")]
    [InlineData("Owl")]
    public void UserInfoInTheBaseAddressStopsTheHostWithoutBeingEchoed(string dialect)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["B:BaseAddress"] = "https://ops-admin:hunter2-pw@server.example.com/",
            ["B:Credentials:Type"] = dialect switch { "MinApp" => "AccessToken", "Kylin" => "Basic", "Owl" => "Token", _ => "Bearer" },
            ["B:Credentials:Token"] = "t0k3n",
            ["B:Credentials:UserName"] = "ADMIN",
            ["B:Credentials:Password"] = "KYLIN",
        }).Build();
        var services = new ServiceCollection();
        _ = dialect switch
        {
            "JumpServer" => services.AddJumpServerClient("b", configuration.GetSection("B")),
            "MinApp" => services.AddMinAppClient("b", configuration.GetSection("B")),
            "Kylin" => services.AddKylinClient("b", configuration.GetSection("B")),
            _ => services.AddOwlClient("b", configuration.GetSection("B")),
        };
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains($"{dialect}ClientOptions.BaseAddress", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{dialect}ClientOptions.Credentials", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-pw", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ops-admin", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://ops-admin:hunter2-pw@jms example.com/")]
    [InlineData("ops-admin:hunter2-pw@jms.example.com")]
    public void AConfiguredBaseAddressThatDoesNotParseIsNotEchoed(string baseAddress)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jms:BaseAddress"] = baseAddress,
            ["Jms:Credentials:Type"] = "Bearer",
            ["Jms:Credentials:Token"] = "t0k3n",
        }).Build();
        var services = new ServiceCollection();
        services.AddJumpServerClient("jms", configuration.GetSection("Jms"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("BaseAddress", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-pw", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AccessKeyOverPlainHttpToAnotherHostStopsTheHost()
    {
        var services = new ServiceCollection();
        services.AddJumpServerClient("jms", o =>
        {
            o.BaseAddress = new Uri("http://jms.example.com");
            o.Credentials = JumpServerCredentials.AccessKey(KeyId, Secret);
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("jms", error.Message, StringComparison.Ordinal);
        Assert.Contains("AllowAccessKeyOverPlainHttp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheOptInIsReadFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jms:BaseAddress"] = "http://jms.example.com",
            ["Jms:AllowAccessKeyOverPlainHttp"] = "true",
            ["Jms:Credentials:Type"] = "AccessKey",
            ["Jms:Credentials:KeyId"] = KeyId,
            ["Jms:Credentials:Secret"] = Secret,
        }).Build();
        var services = new ServiceCollection();
        services.AddJumpServerClient("jms", configuration.GetSection("Jms"));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.True(provider.GetRequiredService<IOptionsMonitor<JumpServerClientOptions>>().Get("jms").AllowAccessKeyOverPlainHttp);
    }

    [Fact]
    public async Task AccessKeyOverPlainHttpToTheLocalEmulatorStartsAndSigns()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        var key = emulator.AddAccessKey(JumpServerEmulator.AdminUsername);
        var services = new ServiceCollection();
        services.AddJumpServerClient("local", o =>
        {
            o.BaseAddress = emulator.BaseAddress;
            o.Credentials = JumpServerCredentials.AccessKey(key.Id, key.Secret);
        });
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        await provider.GetRequiredKeyedService<IUserGroupService>("local").CreateGroupAsync(new NewUserGroup("ops"));

        Assert.Equal(["ops"], emulator.GetGroups().Select(g => g.Name));
    }
}
