using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.DependencyInjection;

/// <summary>
/// Clients registered in a service collection, with their HttpClients' transport replaced by a
/// <see cref="StubHandler"/>, and the configuration and options they are read from and resolved to.
/// </summary>
internal static class Registered
{
    /// <summary>A configuration of the given keys and values; of a key given twice, the later value.</summary>
    public static IConfiguration Configuration(params (string Key, string? Value)[] values)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            settings[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    /// <summary>The named options as the client <paramref name="name"/> resolves them (configured, post-configured and validated).</summary>
    public static TOptions Options<TOptions>(IServiceProvider provider, string name) =>
        provider.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);

    /// <summary>
    /// Sends the API calls and the logins of the client <paramref name="name"/> of <paramref name="dialect"/> to
    /// <paramref name="stub"/>: its two HttpClients carry the SDK's names, which an application can configure too.
    /// </summary>
    public static void Transport(IServiceCollection services, string dialect, string name, StubHandler stub)
    {
        services.AddHttpClient($"UserGroupClient/{dialect}/api/{name}").ConfigurePrimaryHttpMessageHandler(() => stub);
        services.AddHttpClient($"UserGroupClient/{dialect}/login/{name}").ConfigurePrimaryHttpMessageHandler(() => stub);
    }

    /// <summary>A stub that answers every request 200 with <paramref name="json"/>.</summary>
    public static StubHandler Answering(string json) => new(_ => StubHandler.Json(HttpStatusCode.OK, json));
}
