using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.JumpServer;
using UserGroupClient.Kylin;

namespace UserGroupClient.Tests.DependencyInjection;

/// <summary>
/// A registered client's options when the host starts: each client's own <c>Validate()</c> runs for its name only and
/// fails naming the client; the application's clock and logger factory fill what the options leave at their default.
/// </summary>
public sealed class OptionsAtStartTests
{
    [Fact]
    public void ABadSettingStopsTheStartNamingTheClientAndTheSetting()
    {
        var services = new ServiceCollection();
        services.AddJumpServerClient("ops", o => o.BaseAddress = new Uri("https://jms.example.com/"));
        using var provider = services.BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal("User-group client 'ops': JumpServerClientOptions.Credentials is required. (Parameter 'Credentials')", refused.Message);
    }

    [Fact]
    public void EachClientIsValidatedByItsOwnRulesOnly()
    {
        var services = new ServiceCollection();
        services.AddKylinClient("good", o =>
        {
            o.BaseAddress = new Uri("https://kylin.example.com/");
            o.Credentials = KylinCredentials.Basic("ADMIN", "KYLIN");
        });
        services.AddKylinClient("bad", o => o.BaseAddress = new Uri("https://kylin.example.com/"));
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(Registered.Options<KylinClientOptions>(provider, "good"));
        var refused = Assert.Throws<OptionsValidationException>(() => Registered.Options<KylinClientOptions>(provider, "bad"));
        Assert.Equal(["User-group client 'bad': KylinClientOptions.Credentials is required. (Parameter 'Credentials')"], refused.Failures);
    }

    [Fact]
    public void TheApplicationsClockAndLoggerFactoryAreTheClientsByDefault()
    {
        var clock = new FakeTimeProvider();
        using var loggerFactory = new LoggerFactory();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<ILoggerFactory>(loggerFactory);
        services.AddJumpServerClient("ops", o =>
        {
            o.BaseAddress = new Uri("https://jms.example.com/");
            o.Credentials = JumpServerCredentials.Bearer("tok-8812");
        });
        using var provider = services.BuildServiceProvider();

        var options = Registered.Options<JumpServerClientOptions>(provider, "ops");

        Assert.Same(clock, options.TimeProvider);
        Assert.Same(loggerFactory, options.LoggerFactory);
    }

    [Fact]
    public void AClockOrLoggerFactorySetInTheOptionsStays()
    {
        var own = new FakeTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddSingleton<ILoggerFactory>(new LoggerFactory());
        services.AddJumpServerClient("ops", o =>
        {
            o.BaseAddress = new Uri("https://jms.example.com/");
            o.Credentials = JumpServerCredentials.Bearer("tok-8812");
            o.TimeProvider = own;
            o.LoggerFactory = NullLoggerFactory.Instance;
        });
        using var provider = services.BuildServiceProvider();

        var options = Registered.Options<JumpServerClientOptions>(provider, "ops");

        Assert.Same(own, options.TimeProvider);
        Assert.Same(NullLoggerFactory.Instance, options.LoggerFactory);
    }

    [Fact]
    public void WithoutAClockInTheContainerTheSystemClockStays()
    {
        var services = new ServiceCollection();
        services.AddJumpServerClient("ops", o =>
        {
            o.BaseAddress = new Uri("https://jms.example.com/");
            o.Credentials = JumpServerCredentials.Bearer("tok-8812");
        });
        using var provider = services.BuildServiceProvider();

        var options = Registered.Options<JumpServerClientOptions>(provider, "ops");

        Assert.Same(TimeProvider.System, options.TimeProvider);
    }
}
