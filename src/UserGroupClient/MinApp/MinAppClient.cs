using UserGroupClient.Diagnostics;
using UserGroupClient.Http;
using UserGroupClient.Resilience;

namespace UserGroupClient.MinApp;

/// <summary>
/// The MinApp (知晓云) client: the typed user-group (<see cref="UserGroups"/>), supergroup (<see cref="SuperGroups"/>)
/// and membership (<see cref="Membership"/>) APIs, and the unified <see cref="IUserGroupService"/>
/// (<see cref="AsUserGroupService"/>). Immutable and thread-safe; create one per application and reuse it, so the
/// OAuth token is shared. Requests go through authentication (<see cref="MinAppClientOptions.Credentials"/>) and then
/// the transport.
/// </summary>
public class MinAppClient : IDisposable
{
    private readonly ClientPipeline.Connections? _connections;
    private readonly IMinAppUserGroupsApi? _userGroups;
    private readonly IMinAppSuperGroupsApi? _superGroups;
    private readonly IMinAppMembershipApi? _membership;
    private readonly IUserGroupService? _service;

    /// <summary>Creates a client with its own connection pool.</summary>
    /// <exception cref="ArgumentException">The options are incomplete or invalid; the message names the setting.</exception>
    public MinAppClient(MinAppClientOptions options)
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
    public MinAppClient(MinAppClientOptions options, HttpClient? httpClient)
        : this(options, Build(options, httpClient))
    {
    }

    /// <summary>Creates a client over connections whose chain is already assembled (dependency injection builds it).</summary>
    internal MinAppClient(MinAppClientOptions options, ClientPipeline.Connections connections)
    {
        _connections = connections;
        var endpoint = new MinAppEndpoint(connections.Api, options.EnvironmentId, Math.Min(options.DefaultPageSize, MinAppClientOptions.MaxPageSize));
        _userGroups = new MinAppUserGroupsApi(endpoint);
        _superGroups = new MinAppSuperGroupsApi(endpoint);
        _membership = new MinAppMembershipApi(endpoint);
        _service = new InstrumentedUserGroupService(
            new MinAppUserGroupService(_userGroups, _membership, new CreateRecovery(options.Resilience, options.TimeProvider, connections.Api.Errors)));
    }

    /// <summary>For mocking: a subclass overrides the members it needs.</summary>
    protected MinAppClient()
    {
    }

    /// <summary>The typed user-group endpoints.</summary>
    public virtual IMinAppUserGroupsApi UserGroups => _userGroups ?? throw NotConstructed();

    /// <summary>The typed supergroup (组集) endpoints.</summary>
    public virtual IMinAppSuperGroupsApi SuperGroups => _superGroups ?? throw NotConstructed();

    /// <summary>The membership PATCH and the member listing.</summary>
    public virtual IMinAppMembershipApi Membership => _membership ?? throw NotConstructed();

    /// <summary>The unified <see cref="IUserGroupService"/> over this client.</summary>
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

    private static ClientPipeline.Connections Build(MinAppClientOptions options, HttpClient? httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return ClientPipeline.Build(options, MinAppErrorMapper.Instance.Dialect, httpClient, MinAppErrorMapper.Instance, unauthenticated => options.CreateAuthenticationHandlers(unauthenticated)());
    }

    private static InvalidOperationException NotConstructed() =>
        new("This MinAppClient was created by the mocking constructor; override the member you use.");
}
