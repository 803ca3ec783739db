using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace UserGroupClient.Cli.Backends;

/// <summary>
/// The configured backends of one run, registered with <c>AddUserGroupBackends</c>: a backend's services are built
/// when first asked for, so a broken entry fails only the commands that use it.
/// </summary>
internal sealed class BackendSession : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly IConfiguration _backends;

    private BackendSession(ServiceProvider provider, IConfiguration backends, IReadOnlyList<UserGroupBackend> all)
    {
        _provider = provider;
        _backends = backends;
        All = all;
    }

    public IReadOnlyList<UserGroupBackend> All { get; }

    /// <exception cref="UgcException">A backend's entry cannot be registered (no or an unknown dialect, a taken name).</exception>
    public static BackendSession Open(IConfiguration configuration)
    {
        var backends = configuration.GetSection("Backends");
        var services = new ServiceCollection();
        try
        {
            services.AddUserGroupBackends(backends);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            throw new UgcException(exception.Message, exception);
        }

        var provider = services.BuildServiceProvider();
        return new BackendSession(provider, backends, provider.GetServices<UserGroupBackend>().ToList());
    }

    /// <exception cref="UgcException">No backend has this name.</exception>
    public UserGroupBackend Backend(string name) =>
        All.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.Ordinal))
        ?? throw new UgcException(All.Count == 0
            ? $"No backend '{name}': no backend is configured (see --config and docs/cli.md)."
            : $"No backend '{name}'; the configured ones are {string.Join(", ", All.Select(b => b.Name))}.");

    public IUserGroupService Groups(UserGroupBackend backend) => _provider.GetRequiredKeyedService<IUserGroupService>(backend.Name);

    public IUserDirectory? Directory(UserGroupBackend backend) => _provider.GetKeyedService<IUserDirectory>(backend.Name);

    /// <summary>The backend's address as configured, without any user name or password it may carry.</summary>
    public string? Address(UserGroupBackend backend) =>
        Uri.TryCreate(_backends.GetSection(backend.Name)["BaseAddress"], UriKind.Absolute, out var address)
            ? address.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : null;

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
