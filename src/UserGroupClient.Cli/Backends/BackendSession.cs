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

    /// <exception cref="ArgumentException">A backend's entry has no or an unknown dialect; the message names its key, and
    /// the run reports it as it reports a <see cref="UgcException"/>. (A taken name, the SDK's other refusal, cannot happen
    /// here: the section's keys are distinct and the collection is the session's own.)</exception>
    public static BackendSession Open(IConfiguration configuration)
    {
        var backends = configuration.GetSection("Backends");
        var services = new ServiceCollection();
        services.AddUserGroupBackends(backends);
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
