using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using UserGroupClient.JumpServer;
using UserGroupClient.Kylin;
using UserGroupClient.MinApp;
using UserGroupClient.Owl;

namespace UserGroupClient.Tests.DependencyInjection;

/// <summary>
/// The plain settings of a client's configuration: bound by the options' property names, with a value that does not
/// convert and a relative address refused naming the full key and never quoting the value.
/// </summary>
public sealed class ConfigurationBindingTests
{
    [Fact]
    public void EverySettingIsReadByItsPropertyName()
    {
        var options = JumpServer(
            ("BaseAddress", "https://jms.example.com/prefix/"),
            ("Timeout", "00:00:42"),
            ("ClientName", "ops"),
            ("MaxResponseContentBytes", "4096"),
            ("DefaultPageSize", "7"),
            ("OrganizationId", "00000000-0000-0000-0000-000000000002"),
            ("MaxPageSize", "10000"),
            ("AllowAccessKeyOverPlainHttp", "true"),
            ("Resilience:MaxRetryAttempts", "5"),
            ("Credentials:Type", "Bearer"),
            ("Credentials:Token", "tok-8812"));

        Assert.Equal(new Uri("https://jms.example.com/prefix/"), options.BaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(42), options.Timeout);
        Assert.Equal("ops", options.ClientName);
        Assert.Equal(4096, options.MaxResponseContentBytes);
        Assert.Equal(7, options.DefaultPageSize);
        Assert.Equal("00000000-0000-0000-0000-000000000002", options.OrganizationId);
        Assert.Equal(10000, options.MaxPageSize);
        Assert.True(options.AllowAccessKeyOverPlainHttp);
        Assert.Equal(5, options.Resilience.MaxRetryAttempts);
    }

    [Fact]
    public void TheCallersConfigureRunsAfterTheReading()
    {
        var configuration = Registered.Configuration(
            ("BaseAddress", "https://jms.example.com/"),
            ("MaxPageSize", "10000"),
            ("Credentials:Type", "Bearer"),
            ("Credentials:Token", "tok-8812"));
        var services = new ServiceCollection();
        services.AddJumpServerClient("jms", configuration, o => o.MaxPageSize = o.MaxPageSize + 1);
        using var provider = services.BuildServiceProvider();

        Assert.Equal(10001, Registered.Options<JumpServerClientOptions>(provider, "jms").MaxPageSize);
    }

    [Theory]
    [InlineData("Timeout", "soon-8812", "System.TimeSpan")]
    [InlineData("MaxPageSize", "many-8812", "System.Int32")]
    [InlineData("Resilience:MaxRetryAttempts", "often-8812", "System.Int32")]
    public void AValueThatDoesNotConvertNamesItsKeyAndTypeButNotTheValue(string key, string value, string type)
    {
        var refused = Assert.Throws<ArgumentException>(() => JumpServer(("BaseAddress", "https://jms.example.com/"), (key, value)));

        Assert.Equal($"User-group client 'jms': Backends:jms:{key} is not a valid {type}.", refused.Message);
        Assert.DoesNotContain("8812", refused.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("JumpServer")]
    [InlineData("Kylin")]
    [InlineData("MinApp")]
    [InlineData("Owl")]
    public void ARelativeAddressIsRefusedNamingItsKeyButNotTheValue(string dialect)
    {
        var configuration = Registered.Configuration(("Backends:b:BaseAddress", "jms.example.com/pw-8812"));
        var services = new ServiceCollection();
        Register(services, dialect, configuration.GetSection("Backends:b"));
        using var provider = services.BuildServiceProvider();

        var refused = Assert.Throws<ArgumentException>(() => Resolve(provider, dialect));

        Assert.Equal("User-group client 'b': Backends:b:BaseAddress is not an absolute URL.", refused.Message);
        Assert.DoesNotContain("8812", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AtTheRootOfTheConfigurationTheAddressKeyIsItsOwnName()
    {
        var configuration = Registered.Configuration(("BaseAddress", "jms.example.com"));
        var services = new ServiceCollection();
        services.AddJumpServerClient("jms", configuration);
        using var provider = services.BuildServiceProvider();

        var refused = Assert.Throws<ArgumentException>(() => Registered.Options<JumpServerClientOptions>(provider, "jms"));

        Assert.Equal("User-group client 'jms': BaseAddress is not an absolute URL.", refused.Message);
    }

    [Fact]
    public void AnEmptyAddressIsNoAddress()
    {
        var configuration = Registered.Configuration(("BaseAddress", string.Empty), ("Credentials:Type", "Bearer"), ("Credentials:Token", "tok-8812"));
        var services = new ServiceCollection();
        services.AddJumpServerClient("jms", configuration);
        using var provider = services.BuildServiceProvider();

        var refused = Assert.ThrowsAny<Exception>(() => Registered.Options<JumpServerClientOptions>(provider, "jms"));

        Assert.Contains("JumpServerClientOptions.BaseAddress is required.", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ARelativeAddressConfiguredBeforeIsNotBlamedOnTheConfiguration(string? configured)
    {
        var services = new ServiceCollection();
        services.Configure<OwlClientOptions>("owl", o => o.BaseAddress = new Uri("owl.example.com", UriKind.Relative));
        services.AddOwlClient("owl", Registered.Configuration(("BaseAddress", configured), ("Credentials:Type", "Token"), ("Credentials:Token", "jwt-8812")));
        using var provider = services.BuildServiceProvider();

        var refused = Assert.ThrowsAny<Exception>(() => Registered.Options<OwlClientOptions>(provider, "owl"));

        Assert.DoesNotContain("is not an absolute URL", refused.Message, StringComparison.Ordinal);
        Assert.Contains("OwlClientOptions.BaseAddress", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAddressConfiguredBeforeStaysWhenTheConfigurationHasNone()
    {
        var services = new ServiceCollection();
        services.Configure<OwlClientOptions>("owl", o => o.BaseAddress = new Uri("https://owl.example.com/"));
        services.AddOwlClient("owl", Registered.Configuration(("Credentials:Type", "Token"), ("Credentials:Token", "jwt-8812")));
        using var provider = services.BuildServiceProvider();

        Assert.Equal(new Uri("https://owl.example.com/"), Registered.Options<OwlClientOptions>(provider, "owl").BaseAddress);
    }

    [Theory]
    [InlineData("TimeProvider")]
    [InlineData("timeprovider:Kind")]
    [InlineData("LoggerFactory")]
    [InlineData("LOGGERFACTORY:Level")]
    public void WhatConfigurationCannotMakeIsLeftToTheApplication(string key)
    {
        var options = JumpServer(("BaseAddress", "https://jms.example.com/"), (key, "System"), ("Credentials:Type", "Bearer"), ("Credentials:Token", "tok-8812"));

        Assert.Same(TimeProvider.System, options.TimeProvider);
    }

    [Fact]
    public void KylinMinAppAndOwlReadTheirOwnSettings()
    {
        var kylin = Read<KylinClientOptions>("Kylin", ("Flavor", "Kylin5"), ("Project", "learn_kylin"), ("Credentials:Type", "Basic"), ("Credentials:UserName", "ADMIN"), ("Credentials:Password", "KYLIN"));
        var minApp = Read<MinAppClientOptions>("MinApp", ("EnvironmentId", "env-1"), ("Credentials:Type", "AccessToken"), ("Credentials:Token", "tok-8812"));
        var owl = Read<OwlClientOptions>("Owl", ("DefaultPageSize", "3"), ("Credentials:Type", "Token"), ("Credentials:Token", "jwt-8812"));

        Assert.Equal(KylinFlavor.Kylin5, kylin.Flavor);
        Assert.Equal("learn_kylin", kylin.Project);
        Assert.Equal("env-1", minApp.EnvironmentId);
        Assert.Equal(3, owl.DefaultPageSize);
    }

    private static JumpServerClientOptions JumpServer(params (string Key, string? Value)[] values) => Read<JumpServerClientOptions>("JumpServer", values);

    private static TOptions Read<TOptions>(string dialect, params (string Key, string? Value)[] values)
        where TOptions : UserGroupClientOptions
    {
        var all = values.Any(v => v.Key == "BaseAddress") ? values : [("BaseAddress", "https://b.example.com/"), .. values];
        var configuration = Registered.Configuration([.. all.Select(v => ($"Backends:jms:{v.Key}", v.Value))]);
        var services = new ServiceCollection();
        Register(services, dialect, configuration.GetSection("Backends:jms"), "jms");
        using var provider = services.BuildServiceProvider();
        return Registered.Options<TOptions>(provider, "jms");
    }

    private static void Register(IServiceCollection services, string dialect, IConfiguration section, string name = "b") => _ = dialect switch
    {
        "JumpServer" => services.AddJumpServerClient(name, section),
        "Kylin" => services.AddKylinClient(name, section),
        "MinApp" => services.AddMinAppClient(name, section),
        _ => services.AddOwlClient(name, section),
    };

    private static UserGroupClientOptions Resolve(IServiceProvider provider, string dialect) => dialect switch
    {
        "JumpServer" => Registered.Options<JumpServerClientOptions>(provider, "b"),
        "Kylin" => Registered.Options<KylinClientOptions>(provider, "b"),
        "MinApp" => Registered.Options<MinAppClientOptions>(provider, "b"),
        _ => Registered.Options<OwlClientOptions>(provider, "b"),
    };
}
