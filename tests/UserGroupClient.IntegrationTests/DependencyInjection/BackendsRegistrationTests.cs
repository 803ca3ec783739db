using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.Kylin;
using UserGroupClient.Testing.MinApp;
using UserGroupClient.Testing.Owl;

namespace UserGroupClient.IntegrationTests.DependencyInjection;

public sealed class BackendsRegistrationTests
{
    [Fact]
    public async Task EveryBackendOfTheSectionBecomesAKeyedServiceOfItsDialect()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        await using var minapp = await MinAppEmulator.StartAsync();
        await using var kylin = await KylinEmulator.StartAsync();
        await using var owl = await OwlEmulator.StartAsync();
        jms.AddGroup("jms-team");
        minapp.AddUserGroup("minapp-team");
        kylin.AddGroup("kylin-team");
        owl.AddUserGroup("owl-team");
        owl.AddHostGroup("owl-hosts");
        var key = jms.AddAccessKey(JumpServerEmulator.AdminUsername);
        var configuration = Backends(new Dictionary<string, string?>
        {
            ["Backends:jms:Dialect"] = "JumpServer",
            ["Backends:jms:BaseAddress"] = jms.BaseAddress.ToString(),
            ["Backends:jms:Credentials:Type"] = "AccessKey",
            ["Backends:jms:Credentials:KeyId"] = key.Id,
            ["Backends:jms:Credentials:Secret"] = key.Secret,
            ["Backends:mini:Dialect"] = "minapp",
            ["Backends:mini:BaseAddress"] = minapp.BaseAddress.ToString(),
            ["Backends:mini:Credentials:Type"] = "ClientCredentials",
            ["Backends:mini:Credentials:ClientId"] = minapp.ClientId,
            ["Backends:mini:Credentials:ClientSecret"] = minapp.ClientSecret,
            ["Backends:bi:Dialect"] = "Kylin",
            ["Backends:bi:BaseAddress"] = kylin.BaseAddress.ToString(),
            ["Backends:bi:Project"] = "learn_kylin",
            ["Backends:bi:Credentials:Type"] = "Basic",
            ["Backends:bi:Credentials:UserName"] = KylinEmulator.AdminUsername,
            ["Backends:bi:Credentials:Password"] = KylinEmulator.AdminPassword,
            ["Backends:owl-users:Dialect"] = "OwlUserGroups",
            ["Backends:owl-users:BaseAddress"] = owl.BaseAddress.ToString(),
            ["Backends:owl-users:Credentials:Type"] = "Password",
            ["Backends:owl-users:Credentials:UserName"] = OwlEmulator.AdminUsername,
            ["Backends:owl-users:Credentials:Password"] = OwlEmulator.AdminPassword,
            ["Backends:owl-hosts:Dialect"] = "OwlHostGroups",
            ["Backends:owl-hosts:BaseAddress"] = owl.BaseAddress.ToString(),
            ["Backends:owl-hosts:Credentials:Type"] = "Password",
            ["Backends:owl-hosts:Credentials:UserName"] = OwlEmulator.AdminUsername,
            ["Backends:owl-hosts:Credentials:Password"] = OwlEmulator.AdminPassword,
        });
        var services = new ServiceCollection();

        services.AddUserGroupBackends(configuration.GetSection("Backends"));

        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(
            ["bi (Kylin)", "jms (JumpServer)", "mini (MinApp)", "owl-hosts (OwlHostGroups)", "owl-users (OwlUserGroups)"],
            provider.GetServices<UserGroupBackend>().Select(b => b.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(["jms-team"], await GroupNames(provider, "jms"));
        Assert.Equal(["minapp-team"], await GroupNames(provider, "mini"));
        Assert.Contains("kylin-team", await GroupNames(provider, "bi"));
        Assert.Equal(["owl-team"], await GroupNames(provider, "owl-users"));
        Assert.Equal(["owl-hosts"], await GroupNames(provider, "owl-hosts"));
        Assert.Equal("host", provider.GetRequiredKeyedService<IUserDirectory>("owl-hosts").EntryKind);
        Assert.Equal("user", provider.GetRequiredKeyedService<IUserDirectory>("owl-users").EntryKind);
        Assert.NotNull(provider.GetKeyedService<IUserDirectory>("jms"));
        Assert.Null(provider.GetKeyedService<IUserDirectory>("mini"));
        Assert.Equal(["ADMIN"], (await provider.GetRequiredKeyedService<IUserDirectory>("bi").ResolveUserNamesAsync(["ADMIN", "admin"])).Ids.Values);
    }

    [Fact]
    public void ABackendWithoutADialectIsRefusedNamingItsKeyAndTheDialects()
    {
        var configuration = Backends(new Dictionary<string, string?> { ["Backends:ops:BaseAddress"] = "https://jms.example.com" });

        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddUserGroupBackends(configuration.GetSection("Backends")));

        Assert.Equal("User-group backend 'ops': Backends:ops:Dialect is required, one of JumpServer, MinApp, Kylin, OwlHostGroups, OwlUserGroups.", error.Message);
    }

    [Fact]
    public void AnUnknownDialectIsRefusedBeforeAnythingOfThatBackendIsRegistered()
    {
        var configuration = Backends(new Dictionary<string, string?>
        {
            ["Backends:ops:Dialect"] = "Jumpserver2",
            ["Backends:ops:BaseAddress"] = "https://jms.example.com",
        });
        var services = new ServiceCollection();

        var error = Assert.Throws<ArgumentException>(() => services.AddUserGroupBackends(configuration.GetSection("Backends")));

        Assert.Contains("Backends:ops:Dialect 'Jumpserver2' is not one of JumpServer, MinApp, Kylin, OwlHostGroups, OwlUserGroups", error.Message, StringComparison.Ordinal);
        Assert.Empty(services);
    }

    [Fact]
    public void ANumericDialectIsNoDialect()
    {
        var configuration = Backends(new Dictionary<string, string?> { ["Backends:ops:Dialect"] = "7" });

        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddUserGroupBackends(configuration.GetSection("Backends")));
    }

    [Fact]
    public void ABackendNamedLikeAClientRegisteredBeforeIsRefused()
    {
        var configuration = Backends(new Dictionary<string, string?> { ["Backends:ops:Dialect"] = "OwlHostGroups" });
        var services = new ServiceCollection();
        services.AddKylinClient("ops", _ => { });

        var error = Assert.Throws<InvalidOperationException>(() => services.AddUserGroupBackends(configuration.GetSection("Backends")));

        Assert.Contains("'ops' is already the name of the Kylin client 'ops'", error.Message, StringComparison.Ordinal);
    }

    private static IConfigurationRoot Backends(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static async Task<string[]> GroupNames(IServiceProvider provider, string backend) =>
        await provider.GetRequiredKeyedService<IUserGroupService>(backend).ListGroupsAsync().Select(g => g.Name).ToArrayAsync();
}
