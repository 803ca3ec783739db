using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using UserGroupClient.Kylin;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.IntegrationTests.Kylin;

/// <summary>The flavor of a Kylin client registered with dependency injection: read from configuration, or detected through the factory's client.</summary>
public sealed class KylinFlavorRegistrationTests
{
    [Fact]
    public async Task AFlavorFromConfigurationIsSpokenWithoutAProbe()
    {
        await using var kylin = await KylinEmulator.StartAsync(new KylinEmulatorOptions { Flavor = KylinEmulatorFlavor.Kylin5 });
        await using var provider = Provider(kylin, "Kylin5");

        await provider.GetRequiredKeyedService<IUserGroupService>("bi").CreateGroupAsync(new NewUserGroup("analysts"));

        Assert.Contains("analysts", kylin.GetGroups());
        Assert.DoesNotContain(kylin.Journal.Entries, e => e.Path.EndsWith("/admin/version", StringComparison.Ordinal));
        Assert.Equal(StringComparison.OrdinalIgnoreCase, provider.GetRequiredKeyedService<IUserGroupService>("bi").Capabilities.NameComparison);
    }

    [Fact]
    public async Task TheProbeGoesThroughTheRegisteredClientWithoutCredentials()
    {
        await using var kylin = await KylinEmulator.StartAsync(new KylinEmulatorOptions { Flavor = KylinEmulatorFlavor.Apache4 });
        await using var provider = Provider(kylin, flavor: null);
        var client = provider.GetRequiredKeyedService<KylinClient>("bi");

        Assert.Equal(KylinFlavor.Apache4, await client.DetectFlavorAsync());
        await provider.GetRequiredKeyedService<IUserGroupService>("bi").CreateGroupAsync(new NewUserGroup("analysts"));

        var probe = Assert.Single(kylin.Journal.Entries, e => e.Path == "/kylin/api/admin/version");
        Assert.False(probe.Headers.ContainsKey("Authorization"));
        Assert.All(kylin.Journal.Entries.Where(e => e != probe), e => Assert.StartsWith("Basic ", e.Headers["Authorization"], StringComparison.Ordinal));
        Assert.Contains("analysts", kylin.GetGroups());
    }

    [Fact]
    public void AFlavorThatIsNoneIsRefusedAtStartNamingTheKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kylin:BaseAddress"] = "http://kylin.example.com:7070",
            ["Kylin:Flavor"] = "Kylin7",
            ["Kylin:Credentials:Type"] = "Basic",
            ["Kylin:Credentials:UserName"] = "ADMIN",
            ["Kylin:Credentials:Password"] = "secret-5501",
        }).Build();
        var services = new ServiceCollection();
        services.AddKylinClient("bi", configuration.GetSection("Kylin"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate());

        Assert.Contains("Flavor", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-5501", error.ToString(), StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(KylinEmulator kylin, string? flavor)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Kylin:BaseAddress"] = kylin.BaseAddress.ToString(),
            ["Kylin:Credentials:Type"] = "Basic",
            ["Kylin:Credentials:UserName"] = KylinEmulator.AdminUsername,
            ["Kylin:Credentials:Password"] = KylinEmulator.AdminPassword,
        };
        if (flavor is not null)
        {
            settings["Kylin:Flavor"] = flavor;
        }

        var services = new ServiceCollection();
        services.AddKylinClient("bi", new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("Kylin"));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
