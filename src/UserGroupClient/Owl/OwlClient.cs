using UserGroupClient.Diagnostics;
using UserGroupClient.Http;
using UserGroupClient.Resilience;

namespace UserGroupClient.Owl;

/// <summary>
/// The Owl (TalkingData Owl v4 API) client: typed APIs for users (<see cref="Users"/>), user groups
/// (<see cref="UserGroups"/>), host groups (<see cref="HostGroups"/>) and hosts (<see cref="Hosts"/>), and two unified
/// <see cref="IUserGroupService"/> views: <see cref="AsHostGroupService"/> (members are hosts) and
/// <see cref="AsUserGroupService"/> (members are users). Immutable and thread-safe; create one per server and reuse it.
/// Owl answers HTTP 200 with the outcome in the body's <c>code</c>; any other code raises the matching
/// <see cref="UserGroupApiException"/>.
/// </summary>
public class OwlClient : IDisposable
{
    private readonly ClientPipeline.Connections? _connections;
    private readonly IOwlUsersApi? _users;
    private readonly OwlUserGroupsApi? _userGroups;
    private readonly IOwlHostGroupsApi? _hostGroups;
    private readonly IOwlHostsApi? _hosts;
    private readonly IUserGroupService? _hostGroupService;
    private readonly IUserGroupService? _userGroupService;

    /// <summary>Creates a client with its own connection pool.</summary>
    /// <exception cref="ArgumentException">The options are incomplete or invalid; the message names the setting.</exception>
    public OwlClient(OwlClientOptions options)
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
    public OwlClient(OwlClientOptions options, HttpClient? httpClient)
        : this(options, Build(options, httpClient))
    {
    }

    /// <summary>Creates a client over connections whose chain is already assembled (dependency injection builds it).</summary>
    internal OwlClient(OwlClientOptions options, ClientPipeline.Connections connections)
    {
        _connections = connections;
        var api = connections.Api;
        _userGroups = new OwlUserGroupsApi(api);
        _users = new OwlUsersApi(api, options.DefaultPageSize, _userGroups);
        _hostGroups = new OwlHostGroupsApi(api, options.DefaultPageSize);
        _hosts = new OwlHostsApi(api, options.DefaultPageSize);
        var createRecovery = new CreateRecovery(options.Resilience, options.TimeProvider);
        _hostGroupService = new InstrumentedUserGroupService(new OwlHostGroupService(_hostGroups, _hosts, createRecovery));
        _userGroupService = new InstrumentedUserGroupService(new OwlUserGroupService(_userGroups, _users, createRecovery));
    }

    /// <summary>For mocking: a subclass overrides the members it needs.</summary>
    protected OwlClient()
    {
    }

    /// <summary>The typed user endpoints (<c>/api/v1/users</c>).</summary>
    public virtual IOwlUsersApi Users => _users ?? throw NotConstructed();

    /// <summary>The typed user-group endpoints (<c>/api/v1/usergroups</c>).</summary>
    public virtual IOwlUserGroupsApi UserGroups => _userGroups ?? throw NotConstructed();

    /// <summary>The typed host-group endpoints (<c>/api/v1/groups</c>).</summary>
    public virtual IOwlHostGroupsApi HostGroups => _hostGroups ?? throw NotConstructed();

    /// <summary>The typed host list (<c>/api/v1/hosts</c>).</summary>
    public virtual IOwlHostsApi Hosts => _hosts ?? throw NotConstructed();

    /// <summary>The unified <see cref="IUserGroupService"/> over host groups; member ids are host ids.</summary>
    public virtual IUserGroupService AsHostGroupService() => _hostGroupService ?? throw NotConstructed();

    /// <summary>The unified <see cref="IUserGroupService"/> over user groups; member ids are user ids.</summary>
    public virtual IUserGroupService AsUserGroupService() => _userGroupService ?? throw NotConstructed();

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

    private static ClientPipeline.Connections Build(OwlClientOptions options, HttpClient? httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return ClientPipeline.Build(options, OwlErrorMapper.Instance.Dialect, httpClient, OwlErrorMapper.Instance, unauthenticated => options.CreateAuthenticationHandlers(unauthenticated)());
    }

    private static InvalidOperationException NotConstructed() =>
        new("This OwlClient was created by the mocking constructor; override the member you use.");
}
