namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The service keys the user-group clients of one service collection hold, and the names of their HttpClients. A
/// client's name keys its services and nothing else: its HttpClients have names of the SDK's own, so neither an
/// application's named HttpClient nor another client's ever shares their handlers, credentials or retries.
/// </summary>
internal sealed class ClientNames
{
    private readonly Dictionary<string, Holder> _keys = new(StringComparer.Ordinal);

    /// <summary>The name of a client's HttpClient for authenticated API calls.</summary>
    public static string ApiHttpClient(string dialect, string name) => $"UserGroupClient/{dialect}/api/{name}";

    /// <summary>The name of a client's HttpClient for logins and token exchanges.</summary>
    public static string LoginHttpClient(string dialect, string name) => $"UserGroupClient/{dialect}/login/{name}";

    /// <summary>The keys already held in <paramref name="services"/>, kept in the collection itself.</summary>
    public static ClientNames Of(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(ClientNames) && !d.IsKeyedService)?.ImplementationInstance is ClientNames names)
        {
            return names;
        }

        names = new ClientNames();
        services.AddSingleton(names);
        return names;
    }

    /// <summary>
    /// Takes the keys a new client registers its services under: its <paramref name="name"/> and
    /// <paramref name="otherKeys"/> (a key and what it keys). Throws, taking none, when another client holds one: two
    /// clients under one key would share its services, the later one's replacing the earlier's.
    /// </summary>
    /// <exception cref="InvalidOperationException">A key is held by a client registered before.</exception>
    public void Claim(string dialect, string name, params (string Key, string Role)[] otherKeys)
    {
        var keys = otherKeys.Prepend((Key: name, Role: "name")).ToList();
        foreach (var (key, role) in keys)
        {
            if (_keys.TryGetValue(key, out var holder))
            {
                var taken = key == name ? $"'{key}'" : $"its {role} '{key}'";
                throw new InvalidOperationException(
                    $"Cannot register the {dialect} user-group client '{name}': {taken} is already the {holder.Role} of the {holder.Dialect} client '{holder.Name}'. Give each user-group client a name of its own.");
            }
        }

        foreach (var (key, role) in keys)
        {
            _keys.Add(key, new Holder(dialect, name, role));
        }
    }

    private sealed record Holder(string Dialect, string Name, string Role);
}
