using UserGroupClient.Diagnostics;
using UserGroupClient.Http;
using UserGroupClient.Resilience;

namespace UserGroupClient.Kylin;

/// <summary>
/// The Kylin client (KAP / Kyligence Enterprise 3.x, the v2 <c>user_group</c> API): the typed API
/// (<see cref="UserGroups"/>) and the unified <see cref="IUserGroupService"/> (<see cref="AsUserGroupService"/>).
/// Immutable and thread-safe; create one per server and reuse it. Every request carries HTTP Basic credentials,
/// <c>Accept: application/vnd.apache.kylin-v2+json</c> and <c>Accept-Language: en</c>.
/// </summary>
public class KylinClient : IDisposable
{
    private readonly ClientPipeline.Connections? _connections;
    private readonly IKylinUserGroupsApi? _userGroups;
    private readonly IUserGroupService? _service;

    /// <summary>Creates a client with its own connection pool.</summary>
    /// <exception cref="ArgumentException">The options are incomplete or invalid; the message names the setting.</exception>
    public KylinClient(KylinClientOptions options)
        : this(options, httpClient: null)
    {
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="httpClient"/>; the SDK's resilience and authentication run
    /// around it. The caller keeps ownership of the <see cref="HttpClient"/>; its base address is ignored, and its
    /// <see cref="HttpClient.Timeout"/> should be infinite so that the SDK's own timeouts (<see cref="UserGroupClientOptions.Timeout"/>,
    /// <see cref="UserGroupClientOptions.Resilience"/>) govern.
    /// </summary>
    /// <exception cref="ArgumentException">The options are incomplete or invalid; the message names the setting.</exception>
    public KylinClient(KylinClientOptions options, HttpClient? httpClient)
        : this(options, Build(options, httpClient))
    {
    }

    /// <summary>Creates a client over connections whose chain is already assembled (dependency injection builds it).</summary>
    internal KylinClient(KylinClientOptions options, ClientPipeline.Connections connections)
    {
        _connections = connections;
        _userGroups = new KylinUserGroupsApi(connections.Api, options.Project ?? string.Empty, options.DefaultPageSize);
        _service = new InstrumentedUserGroupService(new KylinUserGroupService(_userGroups, new CreateRecovery(options.Resilience, options.TimeProvider, connections.Api.Errors)));
    }

    /// <summary>For mocking: a subclass overrides the members it needs.</summary>
    protected KylinClient()
    {
    }

    /// <summary>The typed <c>user_group</c> endpoints.</summary>
    public virtual IKylinUserGroupsApi UserGroups => _userGroups ?? throw NotConstructed();

    /// <summary>The unified <see cref="IUserGroupService"/> over this client; a group's id is its name.</summary>
    public virtual IUserGroupService AsUserGroupService() => _service ?? throw NotConstructed();

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the connection pool (not a caller-supplied <see cref="HttpClient"/>).</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _connections?.Dispose();
        }
    }

    private static ClientPipeline.Connections Build(KylinClientOptions options, HttpClient? httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return ClientPipeline.Build(options, KylinErrorMapper.Instance.Dialect, httpClient, KylinErrorMapper.Instance, _ => options.CreateAuthenticationHandlers()(), options.ApiBaseAddress);
    }

    private static InvalidOperationException NotConstructed() =>
        new("This KylinClient was created by the mocking constructor; override the member you use.");
}
