using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UserGroupClient.Kylin;
using UserGroupClient.MinApp;
using UserGroupClient.Owl;
using UserGroupClient.Testing.Kylin;
using UserGroupClient.Testing.MinApp;
using UserGroupClient.Testing.Owl;

namespace UserGroupClient.IntegrationTests.DependencyInjection;

public sealed class AllDialectsRegistrationTests
{
    [Fact]
    public async Task EveryDialectRegistersFromConfigurationSideBySide()
    {
        await using var minapp = await MinAppEmulator.StartAsync();
        await using var kylin = await KylinEmulator.StartAsync();
        await using var owl = await OwlEmulator.StartAsync();
        var host = owl.AddHost("web-1", "10.0.0.1");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MinApp:BaseAddress"] = minapp.BaseAddress.ToString(),
            ["MinApp:Credentials:Type"] = "ClientCredentials",
            ["MinApp:Credentials:ClientId"] = minapp.ClientId,
            ["MinApp:Credentials:ClientSecret"] = minapp.ClientSecret,
            ["Kylin:BaseAddress"] = kylin.BaseAddress.ToString(),
            ["Kylin:Project"] = "learn_kylin",
            ["Kylin:Credentials:Type"] = "Basic",
            ["Kylin:Credentials:UserName"] = KylinEmulator.AdminUsername,
            ["Kylin:Credentials:Password"] = KylinEmulator.AdminPassword,
            ["Owl:BaseAddress"] = owl.BaseAddress.ToString(),
            ["Owl:Credentials:Type"] = "Password",
            ["Owl:Credentials:UserName"] = OwlEmulator.AdminUsername,
            ["Owl:Credentials:Password"] = OwlEmulator.AdminPassword,
        }).Build();
        var services = new ServiceCollection();
        services.AddMinAppClient("minapp", configuration.GetSection("MinApp"));
        services.AddKylinClient("kylin", configuration.GetSection("Kylin"));
        services.AddOwlClient("owl", configuration.GetSection("Owl"));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();

        await provider.GetRequiredKeyedService<IUserGroupService>("minapp").CreateGroupAsync(new NewUserGroup("mini"));
        await provider.GetRequiredKeyedService<IUserGroupService>("kylin").CreateGroupAsync(new NewUserGroup("analysts"));
        await provider.GetRequiredKeyedService<IUserGroupService>("owl").CreateGroupAsync(new NewUserGroup("owls"));
        var web = await provider.GetRequiredKeyedService<IUserGroupService>(OwlServiceCollectionExtensions.HostGroupServiceKey("owl"))
            .CreateGroupAsync(new NewUserGroup("web") { MemberIds = [host.Id] });

        Assert.Contains(minapp.GetUserGroups(), g => g.Name == "mini");
        Assert.Contains("analysts", kylin.GetGroups());
        Assert.Contains(owl.GetUserGroups(), g => g.Name == "owls");
        Assert.Contains(owl.GetHostGroups(), g => g.Name == "web");
        Assert.Equal("web", web.Name);
        Assert.NotNull(provider.GetRequiredKeyedService<MinAppClient>("minapp").SuperGroups);
        Assert.NotNull(provider.GetRequiredKeyedService<KylinClient>("kylin").UserGroups);
        Assert.NotNull(provider.GetRequiredKeyedService<OwlClient>("owl").HostGroups);
    }

    [Fact]
    public async Task AClientNameSetInTheOptionsNamesTheClientInLogsAsWithoutDependencyInjection()
    {
        await using var kylin = await KylinEmulator.StartAsync();
        using var logs = new Observability.CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs));
        services.AddKylinClient("kylin", o =>
        {
            o.BaseAddress = kylin.BaseAddress;
            o.Credentials = KylinCredentials.Basic(KylinEmulator.AdminUsername, KylinEmulator.AdminPassword);
            o.Project = "learn_kylin";
            o.ClientName = "bi-warehouse";
        });
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<IUserGroupService>("kylin").ListGroupsAsync().ToListAsync();

        var call = Assert.Single(logs.Events, e => e.EventId.Id == 1000);
        Assert.StartsWith("bi-warehouse: GET ", call.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MinApp", "Credentials:Type", "Basic")]
    [InlineData("Kylin", "Credentials:UserName", null)]
    [InlineData("Owl", "Timeout", "soon")]
    public void BadSettingsFailAtStartNamingTheKey(string dialect, string key, string? value)
    {
        var settings = new Dictionary<string, string?>
        {
            ["B:BaseAddress"] = "http://127.0.0.1:9/",
            ["B:Credentials:Type"] = dialect switch { "MinApp" => "AccessToken", "Kylin" => "Basic", _ => "Token" },
            ["B:Credentials:Token"] = "t0k3n",
            ["B:Credentials:UserName"] = "ADMIN",
            ["B:Credentials:Password"] = "KYLIN",
        };
        settings["B:" + key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        _ = dialect switch
        {
            "MinApp" => services.AddMinAppClient("b", configuration.GetSection("B")),
            "Kylin" => services.AddKylinClient("b", configuration.GetSection("B")),
            _ => services.AddOwlClient("b", configuration.GetSection("B")),
        };
        using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate());

        Assert.Contains("B:" + key.Split(':')[0], error.Message, StringComparison.Ordinal);
    }
}
