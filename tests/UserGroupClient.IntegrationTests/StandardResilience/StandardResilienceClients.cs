using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using UserGroupClient.JumpServer;
using UserGroupClient.Kylin;
using UserGroupClient.Owl;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.Kylin;
using UserGroupClient.Testing.Owl;

namespace UserGroupClient.IntegrationTests.StandardResilience;

/// <summary>Clients against the emulators with the standard handler in the SDK's place, retrying without delay unless told otherwise.</summary>
internal static class StandardResilienceClients
{
    public const string GroupsPath = "/api/v1/users/groups/";

    private static readonly Action<HttpStandardResilienceOptions> Fast = standard => standard.Retry.Delay = TimeSpan.Zero;

    public static ServiceProvider WithStandardHandler(JumpServerEmulator emulator, Action<JumpServerClientOptions>? configure = null, Action<HttpStandardResilienceOptions>? configureStandard = null)
    {
        var key = emulator.AddAccessKey(JumpServerEmulator.AdminUsername);
        var services = new ServiceCollection();
        services.AddJumpServerClient("jms", o =>
            {
                o.BaseAddress = emulator.BaseAddress;
                o.Credentials = JumpServerCredentials.AccessKey(key.Id, key.Secret);
                configure?.Invoke(o);
            })
            .UseStandardResilienceHandler(Fast + configureStandard);
        return services.BuildServiceProvider();
    }

    public static ServiceProvider WithStandardHandler(KylinEmulator emulator, Action<HttpStandardResilienceOptions>? configureStandard = null)
    {
        var services = new ServiceCollection();
        services.AddKylinClient("kylin", o =>
            {
                o.BaseAddress = emulator.BaseAddress;
                o.Credentials = KylinCredentials.Basic(KylinEmulator.AdminUsername, KylinEmulator.AdminPassword);
                o.Project = "learn_kylin";
            })
            .UseStandardResilienceHandler(Fast + configureStandard);
        return services.BuildServiceProvider();
    }

    public static ServiceProvider WithStandardHandler(OwlEmulator emulator, Action<HttpStandardResilienceOptions>? configureStandard = null)
    {
        var services = new ServiceCollection();
        services.AddOwlClient("owl", o => (o.BaseAddress, o.Credentials) = (emulator.BaseAddress, OwlCredentials.Password(OwlEmulator.AdminUsername, OwlEmulator.AdminPassword)))
            .UseStandardResilienceHandler(Fast + configureStandard);
        return services.BuildServiceProvider();
    }

    public static List<RecordedRequest> Requests(JumpServerEmulator emulator, string method, string pathPrefix) => Requests(emulator.Journal, method, pathPrefix);

    public static List<RecordedRequest> Requests(RequestJournal journal, string method, string pathPrefix) =>
        journal.Entries.Where(r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).ToList();
}
