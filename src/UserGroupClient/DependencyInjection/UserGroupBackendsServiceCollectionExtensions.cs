using Microsoft.Extensions.Configuration;
using UserGroupClient;
using UserGroupClient.JumpServer;
using UserGroupClient.Kylin;
using UserGroupClient.Owl;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers every backend of a configuration section, whatever its dialect.</summary>
public static class UserGroupBackendsServiceCollectionExtensions
{
    /// <summary>
    /// Registers one backend per child of <paramref name="backends"/> (typically <c>GetSection("Backends")</c>), under
    /// the child's key: a keyed <see cref="IUserGroupService"/>, a keyed <see cref="IUserDirectory"/> where the dialect
    /// has one (<see cref="UserGroupBackend.HasUserDirectory"/>), and a <see cref="UserGroupBackend"/> describing it.
    /// Each child's <c>Dialect</c> is one of <see cref="UserGroupBackendDialect"/>'s names (any case); its other keys
    /// are read exactly as the dialect's own <c>Add…Client(name, configuration)</c> reads them (<c>BaseAddress</c>,
    /// a <c>Credentials</c> section with its <c>Type</c>, <c>Resilience</c>, the dialect's options).
    /// </summary>
    /// <remarks>
    /// An Owl backend is one of Owl's two group services: <c>OwlUserGroups</c> registers the Owl client under the
    /// backend's name as <c>AddOwlClient</c> does; <c>OwlHostGroups</c> registers it under the key <c>NAME:owl</c> and
    /// the host-group service under the backend's name, so that every backend's name keys its groups.
    /// </remarks>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentException">A backend has no <c>Dialect</c> or an unknown one; the message names its key.
    /// Nothing of that backend or the ones after it is registered.</exception>
    /// <exception cref="InvalidOperationException">A backend's name is taken by a user-group client registered before.</exception>
    public static IServiceCollection AddUserGroupBackends(this IServiceCollection services, IConfiguration backends)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(backends);
        foreach (var backend in backends.GetChildren())
        {
            Add(services, backend.Key, Dialect(backend), backend);
        }

        return services;
    }

    private static UserGroupBackendDialect Dialect(IConfigurationSection backend)
    {
        var value = backend[nameof(UserGroupBackend.Dialect)];
        var names = Enum.GetNames<UserGroupBackendDialect>();
        var known = string.Join(", ", names);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"User-group backend '{backend.Key}': {backend.Path}:Dialect is required, one of {known}.");
        }

        // A name only: Enum.TryParse would also take a number ("2") and a list of names ("MinApp, Kylin" is the
        // value 3, OwlHostGroups), and register a dialect the configuration does not name.
        var name = names.FirstOrDefault(candidate => string.Equals(candidate, value.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is not null
            ? Enum.Parse<UserGroupBackendDialect>(name)
            : throw new ArgumentException($"User-group backend '{backend.Key}': {backend.Path}:Dialect '{value}' is not one of {known}.");
    }

    private static void Add(IServiceCollection services, string name, UserGroupBackendDialect dialect, IConfigurationSection section)
    {
        switch (dialect)
        {
            case UserGroupBackendDialect.JumpServer:
                services.AddJumpServerClient(name, section);
                services.AddKeyedSingleton(name, (provider, _) => provider.GetRequiredKeyedService<JumpServerClient>(name).AsUserDirectory());
                break;
            case UserGroupBackendDialect.MinApp:
                services.AddMinAppClient(name, section);
                break;
            case UserGroupBackendDialect.Kylin:
                services.AddKylinClient(name, section);
                services.AddKeyedSingleton(name, (provider, _) => provider.GetRequiredKeyedService<KylinClient>(name).AsUserDirectory());
                break;
            case UserGroupBackendDialect.OwlUserGroups:
                services.AddOwlClient(name, section);
                services.AddKeyedSingleton(name, (provider, _) => provider.GetRequiredKeyedService<OwlClient>(name).AsUserDirectory());
                break;
            case UserGroupBackendDialect.OwlHostGroups:
                var clientName = OwlClientKey(name);
                ClientNames.Of(services).Claim("Owl", name);
                services.AddOwlClient(clientName, section, options => options.ClientName ??= name);
                services.AddKeyedSingleton(name, (provider, _) => provider.GetRequiredKeyedService<OwlClient>(clientName).AsHostGroupService());
                services.AddKeyedSingleton(name, (provider, _) => provider.GetRequiredKeyedService<OwlClient>(clientName).AsHostDirectory());
                break;
        }

        services.AddSingleton(new UserGroupBackend(name, dialect));
    }

    private static string OwlClientKey(string name) => name + ":owl";
}
