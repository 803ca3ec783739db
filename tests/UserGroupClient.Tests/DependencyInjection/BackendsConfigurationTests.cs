using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using UserGroupClient.JumpServer;
using UserGroupClient.Kylin;
using UserGroupClient.MinApp;
using UserGroupClient.Owl;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.DependencyInjection;

/// <summary>
/// <c>AddUserGroupBackends</c>: one backend per child of the section, of the dialect its <c>Dialect</c> names (any
/// case), keyed by the child's key; a missing or unknown dialect is refused naming the key.
/// </summary>
public sealed class BackendsConfigurationTests
{
    [Fact]
    public void TheArgumentsAreChecked()
    {
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddUserGroupBackends(Registered.Configuration()));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddUserGroupBackends(null!));
    }

    [Fact]
    public async Task EveryBackendIsAKeyedServiceOfItsDialectWithADirectoryWhereTheDialectHasOne()
    {
        var configuration = Registered.Configuration(
            ("Backends:jms:Dialect", "jumpserver"),
            ("Backends:jms:BaseAddress", "https://jms.example.com/"),
            ("Backends:jms:Credentials:Type", "Bearer"),
            ("Backends:jms:Credentials:Token", "tok-8812"),
            ("Backends:mini:Dialect", "MINAPP"),
            ("Backends:mini:Credentials:Type", "AccessToken"),
            ("Backends:mini:Credentials:Token", "tok-8812"),
            ("Backends:bi:Dialect", "Kylin"),
            ("Backends:bi:BaseAddress", "https://kylin.example.com/"),
            ("Backends:bi:Credentials:Type", "Basic"),
            ("Backends:bi:Credentials:UserName", "ADMIN"),
            ("Backends:bi:Credentials:Password", "KYLIN"),
            ("Backends:users:Dialect", "OwlUserGroups"),
            ("Backends:users:BaseAddress", "https://owl.example.com/"),
            ("Backends:users:Credentials:Type", "Token"),
            ("Backends:users:Credentials:Token", "jwt-8812"));
        var services = new ServiceCollection();

        services.AddUserGroupBackends(configuration.GetSection("Backends"));

        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Assert.Equal(
            ["bi (Kylin)", "jms (JumpServer)", "mini (MinApp)", "users (OwlUserGroups)"],
            provider.GetServices<UserGroupBackend>().Select(b => b.ToString()).Order(StringComparer.Ordinal));
        Assert.Same(provider.GetRequiredKeyedService<JumpServerClient>("jms").AsUserGroupService(), provider.GetRequiredKeyedService<IUserGroupService>("jms"));
        Assert.Same(provider.GetRequiredKeyedService<JumpServerClient>("jms").AsUserDirectory(), provider.GetRequiredKeyedService<IUserDirectory>("jms"));
        Assert.Same(provider.GetRequiredKeyedService<MinAppClient>("mini").AsUserGroupService(), provider.GetRequiredKeyedService<IUserGroupService>("mini"));
        Assert.Null(provider.GetKeyedService<IUserDirectory>("mini"));
        Assert.Same(provider.GetRequiredKeyedService<KylinClient>("bi").AsUserGroupService(), provider.GetRequiredKeyedService<IUserGroupService>("bi"));
        Assert.Same(provider.GetRequiredKeyedService<KylinClient>("bi").AsUserDirectory(), provider.GetRequiredKeyedService<IUserDirectory>("bi"));
        Assert.Same(provider.GetRequiredKeyedService<OwlClient>("users").AsUserGroupService(), provider.GetRequiredKeyedService<IUserGroupService>("users"));
        Assert.Same(provider.GetRequiredKeyedService<OwlClient>("users").AsUserDirectory(), provider.GetRequiredKeyedService<IUserDirectory>("users"));
        Assert.Equal("user", provider.GetRequiredKeyedService<IUserDirectory>("users").EntryKind);
    }

    [Fact]
    public async Task AnOwlHostGroupsBackendIsTheHostGroupsOfAnOwlClientNamedAfterIt()
    {
        var calls = Registered.Answering("""{"code":200,"host_groups":[],"total":0}""");
        var services = new ServiceCollection();
        services.AddUserGroupBackends(Registered.Configuration(
            ("Backends:hosts:Dialect", "owlhostgroups"),
            ("Backends:hosts:BaseAddress", "https://owl.example.com/"),
            ("Backends:hosts:Resilience:Enabled", "false"),
            ("Backends:hosts:Credentials:Type", "Token"),
            ("Backends:hosts:Credentials:Token", "jwt-8812")).GetSection("Backends"));
        services.AddHttpClient("UserGroupClient/Owl/api/hosts:owl").ConfigurePrimaryHttpMessageHandler(() => calls);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredKeyedService<OwlClient>("hosts:owl");
        Assert.Same(client.AsHostGroupService(), provider.GetRequiredKeyedService<IUserGroupService>("hosts"));
        Assert.Same(client.AsHostDirectory(), provider.GetRequiredKeyedService<IUserDirectory>("hosts"));
        Assert.Equal("host", provider.GetRequiredKeyedService<IUserDirectory>("hosts").EntryKind);
        Assert.Equal("hosts (OwlHostGroups)", Assert.Single(provider.GetServices<UserGroupBackend>()).ToString());
        Assert.Equal("hosts", Registered.Options<OwlClientOptions>(provider, "hosts:owl").ClientName);

        await Record.ExceptionAsync(async () => await provider.GetRequiredKeyedService<IUserGroupService>("hosts").ListGroupsAsync().ToListAsync());
        Assert.Equal("Bearer jwt-8812", calls.Requests[0].Header("Authorization"));
    }

    [Theory]
    [InlineData("OwlUserGroups")]
    [InlineData(" owluserGROUPS ")]
    public void ADialectIsItsNameInAnyCase(string dialect)
    {
        var services = new ServiceCollection();

        services.AddUserGroupBackends(Registered.Configuration(("Backends:ops:Dialect", dialect)).GetSection("Backends"));

        using var provider = services.BuildServiceProvider();
        Assert.Equal(UserGroupBackendDialect.OwlUserGroups, Assert.Single(provider.GetServices<UserGroupBackend>()).Dialect);
    }

    [Fact]
    public void AClientNameConfiguredForAnOwlHostGroupsBackendStays()
    {
        var services = new ServiceCollection();
        services.AddUserGroupBackends(Registered.Configuration(
            ("Backends:hosts:Dialect", "OwlHostGroups"),
            ("Backends:hosts:BaseAddress", "https://owl.example.com/"),
            ("Backends:hosts:ClientName", "owl-hosts"),
            ("Backends:hosts:Credentials:Type", "Token"),
            ("Backends:hosts:Credentials:Token", "jwt-8812")).GetSection("Backends"));
        using var provider = services.BuildServiceProvider();

        Assert.Equal("owl-hosts", Registered.Options<OwlClientOptions>(provider, "hosts:owl").ClientName);
    }

    [Fact]
    public void AnOwlHostGroupsBackendHoldsItsOwnName()
    {
        var services = new ServiceCollection();
        services.AddUserGroupBackends(Registered.Configuration(("Backends:hosts:Dialect", "OwlHostGroups")).GetSection("Backends"));

        var refused = Assert.Throws<InvalidOperationException>(() => services.AddJumpServerClient("hosts", _ => { }));

        Assert.Contains("'hosts' is already the name of the Owl client 'hosts'", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void ABackendWithoutADialectIsRefusedNamingItsKey(string? dialect)
    {
        var configuration = Registered.Configuration(("Backends:ops:Dialect", dialect), ("Backends:ops:BaseAddress", "https://jms.example.com/"));

        var refused = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddUserGroupBackends(configuration.GetSection("Backends")));

        Assert.Equal("User-group backend 'ops': Backends:ops:Dialect is required, one of JumpServer, MinApp, Kylin, OwlHostGroups, OwlUserGroups.", refused.Message);
    }

    [Theory]
    [InlineData("Jumpserver2")]
    [InlineData("7")]
    [InlineData("-1")]
    [InlineData("2")]
    [InlineData("MinApp, Kylin")]
    public void ADialectThatIsNotOneOfTheNamesIsRefusedBeforeAnythingOfThatBackend(string dialect)
    {
        var configuration = Registered.Configuration(("Backends:ops:Dialect", dialect));
        var services = new ServiceCollection();

        var refused = Assert.Throws<ArgumentException>(() => services.AddUserGroupBackends(configuration.GetSection("Backends")));

        Assert.Equal($"User-group backend 'ops': Backends:ops:Dialect '{dialect}' is not one of JumpServer, MinApp, Kylin, OwlHostGroups, OwlUserGroups.", refused.Message);
        Assert.Empty(services);
    }
}
